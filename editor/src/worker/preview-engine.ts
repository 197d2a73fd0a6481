// What the preview worker does, free of any messaging so it also runs in tests: load the edited
// policy, settle it over the dataset, compare with the last saved version, and trace one payee
// on demand. Datasets are read once and kept; a run is kept as integer columns per rule
// (rule-lines.ts), and an edit that changes only parameters settles only the rules that read
// them (policy-dependencies.ts), the other rules' lines kept from the run it starts from.
import {
  loadPolicy, populationOf, populationRoundsOf, readDataset, RatecardError, restrictRules,
  type CompiledPolicy, type Dataset, type DatasetResult, type Diagnostic, type Lang, type PopulationRecord, type SettleOptions,
} from '../../../engine/index.js';
import { ColumnPool, columnsOf } from './column-pool.js';
import { diagnosticsOf } from './diagnostics-of.js';
import { lineImpact } from './line-impact.js';
import { exportRows } from './export-rows.js';
import { tracePayee } from './payee-trace.js';
import { optionsOf, outlineOf, periodText } from './policy-outline.js';
import { type PartHelper, populationInHalves } from './population-in-halves.js';
import { HeldTables } from './held-tables.js';
import { readInChunks, readShared } from './read-in-chunks.js';
import { shareValues } from './shared-values.js';
import { shareColumns } from './shared-columns.js';
import { listText, type PayeeListText } from './payee-columns.js';
import { payeeSums, releaseSums, summaryColumns, totalsOfSums } from './payee-totals.js';
import { changedParams, rulesReading, type RulesToSettle } from './policy-dependencies.js';
import type { DatasetTables, ExportRow, FactOverride, PeriodRange, WorkerResponse } from './protocol.js';
import { type Cents, gridColumns, type LineIndex, linesExpected, type RunLines, RunLinesBuilder } from './rule-lines.js';
import { HALVES_FROM, type SettledLines, settleLines, settleLinesUntil, Superseded } from './settle-lines.js';
import { type PayeeSpans, payeeTablesOf, SPAN_LIMIT } from './payee-spans.js';
import { sourceOf, type TablesAt } from './table-bytes.js';

type Checked = Extract<WorkerResponse, { type: 'checked' }>;
type Result = Extract<WorkerResponse, { type: 'result' }>;
type ImpactMessage = Extract<WorkerResponse, { type: 'impact' }>;
type Trace = Extract<WorkerResponse, { type: 'trace' }>;

type Range = SettleOptions & { from: string; to: string };

/** A kept run to start from, and the rules an edit of its parameters reaches. */
interface Prepared { key: string; from?: Run; reads?: RulesToSettle }

/** A settled run: its policy over a dataset and range, and its lines as columns. */
interface Run {
  /** The dataset and range: runs with the same key can be compared and built from each other. */
  key: string;
  policy: CompiledPolicy;
  dataset: Dataset;
  options: SettleOptions;
  lines: RunLines;
  from: string;
  to: string;
}

const isRun = (x: Run | CompiledPolicy): x is Run => 'lines' in x;

export class PreviewEngine {
  /**
   * The dataset's tables: Blobs read while a request reads them (`open`/`close`), held read for
   * a dataset settled whole here (below `halvesFrom` payees: small, read once).
   */
  private readonly tables = new HeldTables(() => this.ids.length < this.halvesFrom);
  private datasets = new Map<string, Dataset | Diagnostic[]>();
  /**
   * Datasets holding the facts of the payees before a position only (the first half, which this
   * worker settles: the helper holds the other's): every payee, its values and the months are
   * the whole dataset's. Whatever needs every payee's facts reads them again (`whole`).
   */
  private halves = new WeakMap<Dataset, number>();
  private index: LineIndex = { payee: new Map() };
  private ids: string[] = [];
  /** The payees as the page receives them with every result (one JSON text each, made once). */
  private list: PayeeListText = { ids: '[]', names: '[]' };
  /** The list went out with a message since the dataset was read: later messages leave it out (the page keeps the last one). */
  private listSent = false;
  /** The saved version's run, and the last run of the edited text. */
  private base?: Run;
  private last?: Run;
  /** Columns of runs no longer kept, for the next settle's (column-pool.ts). */
  private readonly pool = new ColumnPool();
  /** Amount columns the helper sent, read: given back with the next request. */
  private spare: Cents[] = [];
  /** How the last run was made: every rule settled, some, or none (for tests and the bench). */
  lastSettled: { rules: number; of: number } = { rules: 0, of: 0 };

  /** Where each payee's rows lie in the tables (noted by the first read in chunks), for its traces. */
  private spans?: PayeeSpans;

  /**
   * From `halvesFrom` payees, runs settle in halves (the worker's `runInHalves`) and only the
   * first half's facts are kept here. A trace there reads the payee's rows alone where they lie
   * within `spanLimit` bytes of each other (payee-spans.ts), else the whole tables.
   */
  constructor(private readonly halvesFrom = HALVES_FROM, private readonly spanLimit = SPAN_LIMIT) {}

  setDataset(tables: DatasetTables): void {
    this.tables.set(tables);
    this.datasets.clear();
    this.index = { payee: new Map() };
    this.ids = [];
    this.spans = undefined;
    this.list = { ids: '[]', names: '[]' };
    this.listSent = false;
    this.base = undefined;
    this.last = undefined;
    this.pool.clear();
    this.spare = [];
  }

  /** The page is idle: the arrays kept for the next settle are let go, for V8 to collect while nothing runs. */
  rest(): void {
    this.tables.release();
    this.pool.clear();
    this.spare = [];
  }

  /** Keeps `run` as the last run or the saved version's: the columns of the run it replaces that no kept run holds go to the pool. */
  private keep(which: 'last' | 'base', run: Run): Run {
    const replaced = this[which];
    this[which] = run;
    if (!replaced || replaced === run) return run;
    this.pool.releaseUnkept([columnsOf(replaced.lines.values())], [columnsOf(this.last?.lines.values()), columnsOf(this.base?.lines.values())]);
    if (replaced.lines !== this.last?.lines && replaced.lines !== this.base?.lines) releaseSums(replaced.lines, this.pool);
    return run;
  }

  check(seq: number, file: string, text: string): { checked: Checked; policy?: CompiledPolicy } {
    const loaded = loadPolicy({ file, text });
    if (!loaded.ok) return { checked: { type: 'checked', seq, ok: false, diagnostics: loaded.diagnostics } };
    return { checked: { type: 'checked', seq, ok: true, diagnostics: loaded.warnings, outline: outlineOf(loaded.policy) }, policy: loaded.policy };
  }

  private dataset(policy: CompiledPolicy): Dataset | Diagnostic[] {
    if (!this.tables.given) return [{ file: '(dataset)', line: 1, column: 1, severity: 'error', field: '', code: 'no-dataset', message: 'no dataset chosen' }];
    const key = JSON.stringify(policy.layout);
    let d = this.datasets.get(key);
    if (!d) {
      // over many payees, the second half's facts are read, checked and dropped (the helper settles them)
      const half = (payees: number) => (payees >= this.halvesFrom ? Math.floor(payees / 2) : payees);
      const chunked = readInChunks(this.tables.now, policy, 0, half, (spans) => { this.spans ??= spans; });
      if (chunked && half(chunked.payees.length) < chunked.payees.length) this.halves.set(chunked, half(chunked.payees.length));
      const read = chunked ? { ok: true as const, dataset: chunked } : this.readWhole(policy);
      d = read.ok ? read.dataset : read.diagnostics;
      this.datasets.set(key, d);
      if (read.ok && !this.ids.length) {
        this.ids = read.dataset.payees.map((p) => p.payeeId);
        this.list = listText({ ids: this.ids, names: read.dataset.payees.map((p) => p.name) });
        this.listSent = false;
        this.ids.forEach((id, i) => this.index.payee.set(id, i));
      }
    }
    return d;
  }

  /** Every payee's facts for `policy`, read by one readDataset (equal values shared). */
  private readWhole(policy: CompiledPolicy): DatasetResult {
    const { payees, facts, transactions } = this.tables.now;
    const read = readDataset({ payees: sourceOf(payees), facts: sourceOf(facts), ...(transactions ? { transactions: sourceOf(transactions) } : {}) }, policy);
    return read.ok ? { ok: true, dataset: shareValues(read.dataset) } : read;
  }

  /**
   * `dataset` with every payee's facts: itself, or when it holds the first half's only, the
   * dataset read again (not kept: a settle of all payees here is the exception, an export or a
   * problem to report as a whole settle reports it).
   */
  private whole(policy: CompiledPolicy, dataset: Dataset): Dataset {
    if (!this.halves.has(dataset)) return dataset;
    const read = readShared(this.tables.now, policy, 0, () => this.readWhole(policy));
    if (!read.ok) throw new RatecardError(read.diagnostics);
    return read.dataset;
  }

  /** The covered payees before position `half` in payees.csv. */
  private firstHalf(dataset: Dataset, half: number) {
    return dataset.covered.filter((p) => this.index.payee.get(p.payeeId)! < half);
  }

  /**
   * The population values of `policy` over every payee, within `range`: where only the first
   * half's facts are here, each round combines this half's keys with the helper's (in payees.csv
   * order, as `populationOf` over all payees), as a run in parts does. `source` and `evaluate`:
   * the text `policy` was loaded from and the rules it was restricted to, for the helper.
   */
  private async population(policy: CompiledPolicy, source: CompiledPolicy, evaluate: string[] | undefined, dataset: Dataset, range: Range, helper?: PartHelper): Promise<PopulationRecord> {
    const half = this.halves.get(dataset);
    if (half === undefined || !helper) return populationOf(policy, this.whole(source, dataset), range);
    return populationInHalves(policy, source, evaluate, { ...dataset, covered: this.firstHalf(dataset, half) }, range, helper);
  }

  /** `options` with the dataset's months where they leave the range open (undefined without facts). */
  private rangeOf(dataset: Dataset, options: SettleOptions): Range | undefined {
    if (!dataset.months) return undefined;
    return { ...options, from: options.from ?? periodText(dataset.months.first), to: options.to ?? periodText(dataset.months.last) };
  }

  /** What settling `policy` takes: a kept run of the same dataset and range that differs only in parameters, and the rules reading them. */
  private prepare(policy: CompiledPolicy, options: SettleOptions): Prepared {
    const key = JSON.stringify([this.tables.given?.id, options]);
    const text = policy.source.text;
    const all = policy.rules.length;
    // the kept run (the last or the saved one) that leaves the fewest rules to settle
    let best: Prepared | undefined;
    for (const from of [this.last, this.base]) {
      if (!from || from.key !== key) continue;
      const changed = changedParams(from.policy.source.text, text);
      const reads = changed && rulesReading(text, changed);
      if (reads && (!best?.reads || reads.evaluate.size < best.reads.evaluate.size)) best = { key, from, reads };
    }
    this.lastSettled = { rules: best?.reads ? best.reads.evaluate.size : all, of: all };
    return best ?? { key };
  }

  /** The run made of the settled lines and, for an edit of parameters, the kept run's other rules. */
  private finish(prep: Prepared, policy: CompiledPolicy, dataset: Dataset, options: SettleOptions, settled: SettledLines): Run {
    shareColumns(settled.lines.values(), [prep.from?.lines, this.base?.lines, this.last?.lines].flatMap((run) => [...run?.values() ?? []]));
    if (!prep.from) return { key: prep.key, policy, dataset, options, ...settled };
    const lines = new Map(prep.from.lines);
    for (const [rule, l] of settled.lines) lines.set(rule, l);
    return { key: prep.key, policy, dataset, options, lines, from: settled.from, to: settled.to };
  }

  /** Collects the lines of the rules `prep` settles, each sized as the rule's lines in the run it starts from, else a line per payee and month. */
  private builder(prep: Prepared, policy: CompiledPolicy, dataset: Dataset, options: SettleOptions): RunLinesBuilder {
    const keep = prep.reads?.affected;
    const from = prep.from ?? (this.last?.key === prep.key ? this.last : undefined);
    const rules = policy.rules.filter((r) => !keep || keep.has(r.id));
    const months = dataset.months && { from: options.from ?? periodText(dataset.months.first), to: options.to ?? periodText(dataset.months.last) };
    const expected = months && linesExpected(dataset.covered.length, months.from, months.to);
    // a first run: each rule's columns compared with those of a line per payee and month
    const grid = !from && months ? gridColumns(dataset.covered.map((p) => this.index.payee.get(p.payeeId)!), months.from, months.to) : undefined;
    const like = from ? new Map([...from.lines].map(([rule, l]) => [rule, { capacity: l.cents.length, payee: l.payee, month: l.month }]))
      : grid && new Map(rules.map((r) => [r.id, { capacity: grid.payee.length, ...grid }]));
    return new RunLinesBuilder(this.index, rules, like, expected, this.pool);
  }

  /** Settles the rules `prep` settles over the whole dataset in this thread (every payee's facts read again if need be). */
  private settleWhole(prep: Prepared, policy: CompiledPolicy, dataset: Dataset, options: SettleOptions): Run {
    const settling = prep.reads ? restrictRules(policy, prep.reads.evaluate) : policy;
    const into = this.builder(prep, policy, dataset, options);
    const span = settleLines(settling, this.whole(policy, dataset), options, into);
    return this.finish(prep, policy, dataset, options, { lines: into.done(), ...span });
  }

  /** Settles `policy` in this thread: only the rules an edit of parameters reaches, else every rule. */
  private settleRun(policy: CompiledPolicy, dataset: Dataset, options: SettleOptions): Run {
    const prep = this.prepare(policy, options);
    if (prep.from && !prep.reads?.affected.size) return { ...prep.from, policy, dataset, options };
    return this.settleWhole(prep, policy, dataset, options);
  }

  /**
   * The same with the payees split in two halves of payees.csv: the first settled here, the
   * second by `helper` (a worker on the other core) at the same time, population values computed
   * here over all payees first. Any problem is reported as a settle of the whole dataset reports it.
   */
  private async settleRunInHalves(policy: CompiledPolicy, dataset: Dataset, options: SettleOptions, helper: PartHelper, stale: () => boolean): Promise<Run> {
    const prep = this.prepare(policy, options);
    if (prep.from && !prep.reads?.affected.size) return { ...prep.from, policy, dataset, options };
    const range = this.rangeOf(dataset, options);
    if (!range) return this.settleRun(policy, dataset, options);
    const settling = prep.reads ? restrictRules(policy, prep.reads.evaluate) : policy;
    const half = Math.floor(this.ids.length / 2);
    try {
      const evaluate = prep.reads && [...prep.reads.evaluate];
      const ranks = populationRoundsOf(settling) ? await this.population(settling, policy, evaluate, dataset, range, helper) : undefined;
      const keep = prep.reads?.affected;
      const second = helper.settle({
        file: policy.source.file, text: policy.source.text, layout: JSON.stringify(policy.layout), options: range, ...(ranks ? { ranks } : {}),
        ...(prep.reads ? { evaluate, keep: [...prep.reads.affected] } : {}),
        ...(this.spare.length ? { spare: this.spare.splice(0) } : {}),
      });
      const covered = this.firstHalf(dataset, half);
      // both halves' lines in the same columns: the helper's appended after this half's
      const into = this.builder(prep, policy, dataset, options);
      let first;
      try {
        first = await settleLinesUntil(stale, settling, { ...dataset, covered }, { ...range, ...(ranks ? { ranks } : {}) }, into);
        const other = await second;
        if (!other.ok) throw new RatecardError(other.diagnostics);
        into.append(other.lines);
        this.spare = other.lines.map((l) => l.cents);
      } catch (e) {
        into.discard();
        throw e;
      }
      return this.finish(prep, policy, dataset, options, { lines: into.done(), ...first });
    } catch (e) {
      if (!(e instanceof RatecardError)) throw e;
      // settled here whole: every payee's problem reported, or the run itself when only the helper failed
      return this.tables.with(() => this.settleWhole(prep, policy, dataset, options));
    }
  }

  /** Settles `policy` in this thread (below `halvesFrom` payees: past it, the facts of the second half are read again each run). */
  run(seq: number, policy: CompiledPolicy, range: PeriodRange): Result {
    const started = performance.now();
    const dataset = this.dataset(policy);
    if (Array.isArray(dataset)) return this.result(seq, started, dataset);
    const options = optionsOf(range);
    try {
      return this.result(seq, started, this.keep('last', this.settleRun(policy, dataset, options)));
    } catch (e) {
      return this.result(seq, started, diagnosticsOf(e));
    }
  }

  /** `run` with the payees settled in two halves, the second by `helper` on the other core; given up between slices once `stale()`. */
  async runInHalves(seq: number, policy: CompiledPolicy, range: PeriodRange, helper: PartHelper, stale: () => boolean = () => false): Promise<Result> {
    const started = performance.now();
    const tables = this.tables.given;
    this.tables.release(); // the bytes a trace held: an edit's memory goes to its run
    await this.ready(policy);
    const dataset = this.dataset(policy);
    if (Array.isArray(dataset)) return this.result(seq, started, dataset);
    try {
      const run = await this.settleRunInHalves(policy, dataset, optionsOf(range), helper, stale);
      // another dataset chosen meanwhile: this run is stale (its answer is dropped) and not kept
      if (this.tables.given !== tables) return { type: 'result', seq, ok: false, diagnostics: [], computeMs: 0 };
      return this.result(seq, started, this.keep('last', run));
    } catch (e) {
      // given up for a newer edit (`stale`): dropped like an answer about another dataset, nothing kept
      if (e instanceof Superseded) return { type: 'result', seq, ok: false, diagnostics: [], computeMs: 0 };
      return this.result(seq, started, diagnosticsOf(e));
    }
  }

  /**
   * Reads the dataset for `policy`'s fact layout when it was not read yet (its tables opened for
   * that: see HeldTables). Call before `run`, `payeeCountOf` or `impact` where the tables are Blobs.
   */
  async ready(policy: CompiledPolicy): Promise<void> {
    const key = JSON.stringify(policy.layout);
    if (!this.tables.given || this.datasets.has(key)) return;
    try {
      await this.tables.with(() => this.dataset(policy));
    } catch (e) {
      // a table that cannot be fetched or read: the problem every run of this layout reports
      this.datasets.set(key, [{ file: '(dataset)', line: 1, column: 1, severity: 'error', field: '', code: 'dataset-unreadable', message: (e as Error).message }]);
    }
  }

  /** `f` with the dataset's tables open: a trace or an export of a dataset given as Blobs reads them. */
  withTables<T>(f: () => T): Promise<T> { return this.tables.with(f); }

  /** True while the tables' bytes are held read (a dataset given as Blobs: only while a request reads them, or when small; tests). */
  get tablesRead(): boolean { return this.tables.readable; }

  /** The payees whose facts the last run's dataset holds here (all, or the first half's: tests). */
  get factsHeld(): number { return this.last?.dataset.facts.size ?? 0; }

  /** The number of payees in the dataset's payees.csv (0 before a policy read it). */
  get payeeCount(): number { return this.ids.length; }

  /** The same, reading the dataset for `policy` first when it was not read yet. */
  payeeCountOf(policy: CompiledPolicy): number {
    this.dataset(policy);
    return this.ids.length;
  }

  /** The payee list for the first message about the dataset; nothing for the later ones. */
  private listOnce(): { list?: PayeeListText } {
    if (this.listSent) return {};
    this.listSent = true;
    return { list: this.list };
  }

  private result(seq: number, started: number, run: Run | Diagnostic[]): Result {
    const computeMs = Math.round(performance.now() - started);
    if (Array.isArray(run)) return { type: 'result', seq, ok: false, diagnostics: run, computeMs };
    const sums = payeeSums(run.lines, this.ids.length, this.pool);
    let lineCount = 0, withheldCount = 0;
    for (const r of run.lines.values()) { lineCount += r.cents.length; withheldCount += r.withheld; }
    const summary = { totals: totalsOfSums(sums), columns: summaryColumns(sums, run.dataset.covered, this.index), ...this.listOnce(), lineCount, withheldCount, from: run.from, to: run.to };
    return { type: 'result', seq, ok: true, computeMs: Math.round(performance.now() - started), summary };
  }

  /** The saved version's run over the last run's dataset and range when kept (per saved text, dataset and range), else its policy to settle. */
  private savedRun(file: string, baseText: string | undefined): Run | CompiledPolicy | undefined {
    const last = this.last;
    if (!last || baseText === undefined) return undefined;
    if (this.base?.key === last.key && this.base.policy.source.text === baseText) return this.base;
    if (baseText === last.policy.source.text) return this.keep('base', last);
    const loaded = loadPolicy({ file, text: baseText });
    return loaded.ok ? loaded.policy : undefined;
  }

  private impactOf(seq: number, started: number, before: Run | undefined): ImpactMessage {
    const last = this.last;
    const impact = last && before ? { ...lineImpact(before.lines, last.lines, this.ids), ...this.listOnce() } : undefined;
    return { type: 'impact', seq, ...(impact ? { impact } : {}), computeMs: Math.round(performance.now() - started) };
  }

  /** The last run against the saved version (settled in this thread when it is not kept; no impact when it fails). */
  impact(seq: number, file: string, baseText: string | undefined): ImpactMessage {
    const started = performance.now();
    let before: Run | undefined;
    try {
      const saved = this.savedRun(file, baseText);
      if (saved && !isRun(saved)) {
        const dataset = this.dataset(saved);
        if (!Array.isArray(dataset)) before = this.keep('base', this.settleRun(saved, dataset, this.last!.options));
      } else before = saved;
    } catch { /* no impact */ }
    return this.impactOf(seq, started, before);
  }

  /** `impact` with the saved version settled in halves, the second by `helper`. */
  async impactInHalves(seq: number, file: string, baseText: string | undefined, helper: PartHelper): Promise<ImpactMessage> {
    const started = performance.now();
    let before: Run | undefined;
    try {
      const saved = this.savedRun(file, baseText);
      if (saved && !isRun(saved)) {
        const options = this.last!.options;
        await this.ready(saved);
        const dataset = this.dataset(saved);
        if (!Array.isArray(dataset)) before = this.keep('base', await this.settleRunInHalves(saved, dataset, options, helper, () => false));
      } else before = saved;
    } catch { /* no impact */ }
    return this.impactOf(seq, started, before);
  }

  /** The last run's statement with explanations and withheld reasons in `lang`, withheld items after the paid lines of their month, for export. */
  statementRows(lang: Lang = 'en'): ExportRow[] {
    if (!this.last) return [];
    const { policy, dataset, options } = this.last;
    return exportRows(policy, this.whole(policy, dataset), options, lang);
  }

  /**
   * Every line and withheld item of one payee, with full traces (population values of all payees kept); with
   * `overrides`, of the payee's facts changed in place (a what-if: ranks stay the dataset's). Where
   * only the first half's facts are here, the population values take `helper`'s keys, and a payee
   * of the second half is read alone from the tables and settled over the whole dataset's months.
   */
  trace(seq: number, payeeId: string, overrides: FactOverride[] = []): Trace {
    if (!this.last || !this.tables.given) return { type: 'trace', seq, payeeId, lines: [], withheld: [] };
    const { policy, dataset, options } = this.last;
    return this.traceWith(seq, payeeId, overrides, this.last, populationRoundsOf(policy) ? populationOf(policy, this.whole(policy, dataset), options) : {}, this.tables.now);
  }

  /** `trace` with the population values of the second half's payees from `helper`. */
  async traceInHalves(seq: number, payeeId: string, overrides: FactOverride[], helper: PartHelper): Promise<Trace> {
    if (!this.last || !this.tables.given) return { type: 'trace', seq, payeeId, lines: [], withheld: [] };
    const last = this.last, tables = this.tables.given;
    const { policy, dataset, options } = last;
    const range = this.rangeOf(dataset, options);
    const ranks = range && populationRoundsOf(policy) ? await this.population(policy, policy, undefined, dataset, range, helper) : populationOf(policy, dataset, options);
    // another dataset chosen meanwhile: nothing to trace (a newer run of the same dataset is fine: `last` is the one ranked)
    if (this.tables.given !== tables) return { type: 'trace', seq, payeeId, lines: [], withheld: [] };
    // the payee's rows alone, where they lie close together and the tables are not held read
    const alone = this.spans && !this.tables.readable ? await this.payeeTables(tables, this.spans, payeeId) : undefined;
    if (this.tables.given !== tables) return { type: 'trace', seq, payeeId, lines: [], withheld: [] };
    if (alone) return this.traceWith(seq, payeeId, overrides, last, ranks, alone);
    this.tables.hold();
    return this.tables.with((read) => this.traceWith(seq, payeeId, overrides, last, ranks, read));
  }

  /** The tables of `payeeId` read from its spans, or undefined (not in payees.csv, or its rows too far apart). */
  private payeeTables(tables: DatasetTables, spans: PayeeSpans, payeeId: string): Promise<TablesAt | undefined> | undefined {
    const at = this.index.payee.get(payeeId);
    return at === undefined ? undefined : payeeTablesOf(tables, spans, at, payeeId, this.spanLimit);
  }

  /** The trace of `payeeId` in `last`, with population values `ranks`, from `tables` (the dataset's, or the payee's own). */
  private traceWith(seq: number, payeeId: string, overrides: FactOverride[], last: Run, ranks: PopulationRecord, tables: TablesAt): Trace {
    const { policy, dataset, options } = last;
    const half = this.halves.get(dataset);
    const elsewhere = half !== undefined && (this.index.payee.get(payeeId) ?? 0) >= half;
    return tracePayee(seq, payeeId, overrides, { tables, policy, dataset, options, range: this.rangeOf(dataset, options), elsewhere, ranks });
  }
}

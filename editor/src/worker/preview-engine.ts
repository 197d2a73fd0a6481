// What the preview worker does, free of any messaging so it also runs in tests: load the edited
// policy, settle it over the dataset, compare with the last saved version, and trace one payee
// on demand. Datasets are read once and kept; a run is kept as integer columns per rule
// (rule-lines.ts), and an edit that changes only parameters settles only the rules that read
// them (policy-dependencies.ts), the other rules' lines kept from the run it starts from.
import {
  loadPolicy, populationOf, readDataset, RatecardError, restrictRules, settle,
  type CompiledPolicy, type Dataset, type Diagnostic, type SettleOptions,
} from '../../../engine/index.js';
import { lineImpact } from './line-impact.js';
import { onePayeeTables, payeeFacts } from './one-payee.js';
import { payeeSums, payeeTotals, totalsOfSums } from './payee-totals.js';
import { changedParams, rulesReading, type RulesToSettle } from './policy-dependencies.js';
import type { DatasetTables, ExportRow, FactOverride, PeriodRange, PolicyOutline, PreviewImpact, WorkerResponse } from './protocol.js';
import type { LineIndex, RunLines } from './rule-lines.js';
import { settleLines } from './settle-lines.js';

type Checked = Extract<WorkerResponse, { type: 'checked' }>;
type Result = Extract<WorkerResponse, { type: 'result' }>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type ImpactMessage = Extract<WorkerResponse, { type: 'impact' }>;
type Trace = Extract<WorkerResponse, { type: 'trace' }>;

export function outlineOf(policy: CompiledPolicy): PolicyOutline {
  return {
    id: policy.id,
    name: policy.name,
    params: policy.params,
    facts: policy.facts.map(({ name, type, description }) => ({ name, type, description })),
    metrics: policy.metrics.map((m) => m.name),
    rules: policy.rules.map(({ id, kind, description }) => ({ id, kind, description })),
  };
}

const diagnosticsOf = (e: unknown): Diagnostic[] => {
  if (e instanceof RatecardError) return e.diagnostics;
  return [{ file: '(preview)', line: 1, column: 1, severity: 'error', field: '', code: 'internal', message: String((e as Error)?.message ?? e) }];
};

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

export class PreviewEngine {
  private tables?: DatasetTables;
  private datasets = new Map<string, Dataset | Diagnostic[]>();
  private index: LineIndex = { payee: new Map(), months: new Map() };
  private ids: string[] = [];
  /** The saved version's run, and the last run of the edited text. */
  private base?: Run;
  private last?: Run;
  /** How the last run was made: every rule settled, some, or none (for tests and the bench). */
  lastSettled: { rules: number; of: number } = { rules: 0, of: 0 };

  setDataset(tables: DatasetTables): void {
    this.tables = tables;
    this.datasets.clear();
    this.index = { payee: new Map(), months: new Map() };
    this.ids = [];
    this.base = undefined;
    this.last = undefined;
  }

  check(seq: number, file: string, text: string): { checked: Checked; policy?: CompiledPolicy } {
    const loaded = loadPolicy({ file, text });
    if (!loaded.ok) return { checked: { type: 'checked', seq, ok: false, diagnostics: loaded.diagnostics } };
    return { checked: { type: 'checked', seq, ok: true, diagnostics: loaded.warnings, outline: outlineOf(loaded.policy) }, policy: loaded.policy };
  }

  private dataset(policy: CompiledPolicy): Dataset | Diagnostic[] {
    if (!this.tables) return [{ file: '(dataset)', line: 1, column: 1, severity: 'error', field: '', code: 'no-dataset', message: 'no dataset chosen' }];
    const key = JSON.stringify(policy.layout);
    let d = this.datasets.get(key);
    if (!d) {
      const { payees, facts, transactions } = this.tables;
      const read = readDataset({ payees, facts, ...(transactions ? { transactions } : {}) }, policy);
      d = read.ok ? read.dataset : read.diagnostics;
      this.datasets.set(key, d);
      if (read.ok && !this.ids.length) {
        this.ids = read.dataset.payees.map((p) => p.payeeId);
        this.ids.forEach((id, i) => this.index.payee.set(id, i));
      }
    }
    return d;
  }

  /**
   * Settles `policy`: from a kept run of the same dataset and range when the texts differ only in
   * parameters (only the rules reading them settled), else every rule.
   */
  private settleRun(policy: CompiledPolicy, dataset: Dataset, options: SettleOptions): Run {
    const key = JSON.stringify([this.tables?.id, options]);
    const text = policy.source.text;
    const all = policy.rules.length;
    // the kept run (the last or the saved one) that leaves the fewest rules to settle
    let best: { from: Run; reads: RulesToSettle } | undefined;
    for (const from of [this.last, this.base]) {
      if (!from || from.key !== key) continue;
      const changed = changedParams(from.policy.source.text, text);
      const reads = changed && rulesReading(text, changed);
      if (reads && (!best || reads.evaluate.size < best.reads.evaluate.size)) best = { from, reads };
    }
    if (best) {
      const { from, reads } = best;
      this.lastSettled = { rules: reads.evaluate.size, of: all };
      if (!reads.affected.size) return { ...from, policy, dataset, options };
      const part = settleLines(restrictRules(policy, reads.evaluate), dataset, options, this.index, reads.affected);
      const lines = new Map(from.lines);
      for (const [rule, l] of part.lines) lines.set(rule, l);
      return { key, policy, dataset, options, lines, from: part.from, to: part.to };
    }
    this.lastSettled = { rules: all, of: all };
    return { key, policy, dataset, options, ...settleLines(policy, dataset, options, this.index) };
  }

  run(seq: number, policy: CompiledPolicy, range: PeriodRange): Result {
    const started = performance.now();
    const done = (r: DistributiveOmit<Result, 'computeMs'>) => ({ ...r, computeMs: Math.round(performance.now() - started) }) as Result;
    const dataset = this.dataset(policy);
    if (Array.isArray(dataset)) return done({ type: 'result', seq, ok: false, diagnostics: dataset });
    const options: SettleOptions = { ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}) };
    try {
      const run = this.settleRun(policy, dataset, options);
      this.last = run;
      const sums = payeeSums(run.lines, this.ids.length);
      let lineCount = 0, withheldCount = 0;
      for (const r of run.lines.values()) { lineCount += r.cents.length; withheldCount += r.withheld; }
      return done({
        type: 'result', seq, ok: true,
        summary: { totals: totalsOfSums(sums), payees: payeeTotals(sums, dataset.covered, this.index), lineCount, withheldCount, from: run.from, to: run.to },
      });
    } catch (e) {
      return done({ type: 'result', seq, ok: false, diagnostics: diagnosticsOf(e) });
    }
  }

  /** The saved version's run over the last run's dataset and range (kept per saved text, dataset and range). */
  private baseRun(file: string, baseText: string, last: Run): Run | undefined {
    if (this.base?.key === last.key && this.base.policy.source.text === baseText) return this.base;
    if (baseText === last.policy.source.text) return (this.base = last);
    const loaded = loadPolicy({ file, text: baseText });
    if (!loaded.ok) return undefined;
    const dataset = this.dataset(loaded.policy);
    if (Array.isArray(dataset)) return undefined;
    try {
      return (this.base = this.settleRun(loaded.policy, dataset, last.options));
    } catch {
      return undefined;
    }
  }

  /** The last run against the saved version. */
  impact(seq: number, file: string, baseText: string | undefined): ImpactMessage {
    const started = performance.now();
    const last = this.last;
    const before = last && baseText !== undefined ? this.baseRun(file, baseText, last) : undefined;
    const impact: PreviewImpact | undefined = last && before ? lineImpact(before.lines, last.lines, this.ids) : undefined;
    return { type: 'impact', seq, ...(impact ? { impact } : {}), computeMs: Math.round(performance.now() - started) };
  }

  /** The last run's statement with explanations, withheld items after the paid lines of their month, for export. */
  statementRows(): ExportRow[] {
    if (!this.last) return [];
    const { policy, dataset, options } = this.last;
    const statement = settle(policy, dataset, { ...options, detail: 'explanation' });
    const rows: ExportRow[] = statement.lines.map((l) => ({ period: l.period, payeeId: l.payeeId, line: l.line, kind: l.kind, amount: l.amount, status: 'paid', explanation: l.explanation }));
    for (const w of statement.withheld) rows.push({ period: w.period, payeeId: w.payeeId, line: w.line, kind: w.kind, amount: '0.00', status: 'withheld', explanation: w.reason });
    const order = new Map(dataset.covered.map((p, i) => [p.payeeId, i]));
    return rows.sort((a, b) => (order.get(a.payeeId) ?? 0) - (order.get(b.payeeId) ?? 0) || (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  }

  /**
   * Every line and withheld item of one payee, with full traces (population values of all payees kept); with
   * `overrides`, of the payee's facts changed in place (a what-if: ranks stay the dataset's).
   */
  trace(seq: number, payeeId: string, overrides: FactOverride[] = []): Trace {
    if (!this.last || !this.tables) return { type: 'trace', seq, payeeId, lines: [], withheld: [] };
    const { policy, dataset, options } = this.last;
    const ranks = populationOf(policy, dataset, options);
    const facts = payeeFacts(this.tables, payeeId);
    let one: Dataset = { ...dataset, covered: dataset.covered.filter((p) => p.payeeId === payeeId) };
    if (overrides.length) {
      const { payees, facts: factRows, transactions } = onePayeeTables(this.tables, payeeId, overrides);
      const read = readDataset({ payees, facts: factRows, ...(transactions ? { transactions } : {}) }, policy);
      if (!read.ok) return { type: 'trace', seq, payeeId, lines: [], withheld: [], facts, overrides, diagnostics: read.diagnostics };
      one = read.dataset;
    }
    const what = overrides.length ? { overrides } : {};
    try {
      const statement = settle(policy, one, { ...options, ranks, detail: 'trace' });
      return { type: 'trace', seq, payeeId, lines: statement.lines, withheld: statement.withheld, facts, ...what };
    } catch (e) {
      return { type: 'trace', seq, payeeId, lines: [], withheld: [], facts, ...what, diagnostics: diagnosticsOf(e) };
    }
  }
}

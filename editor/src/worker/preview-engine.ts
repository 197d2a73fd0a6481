// What the preview worker does, free of any messaging so it also runs in tests: load the edited
// policy, settle it over the dataset, compare with the last saved version, and trace one payee
// on demand. Datasets and the saved version's statement are cached between runs.
import {
  compareStatements, loadPolicy, populationOf, readDataset, RatecardError, settle,
  type CompiledPolicy, type Dataset, type Diagnostic, type SettleOptions, type Statement,
} from '../../../engine/index.js';
import { onePayeeTables, payeeFacts } from './one-payee.js';
import { payeeTotals } from './payee-totals.js';
import type { DatasetTables, ExportRow, FactOverride, PeriodRange, PolicyOutline, PreviewImpact, WorkerResponse } from './protocol.js';
import { unchangedImpact } from './unchanged-impact.js';

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

export class PreviewEngine {
  private tables?: DatasetTables;
  private datasets = new Map<string, Dataset | Diagnostic[]>();
  private base?: { key: string; statement?: Statement };
  private last?: { policy: CompiledPolicy; dataset: Dataset; options: SettleOptions; statement: Statement };

  setDataset(tables: DatasetTables): void {
    this.tables = tables;
    this.datasets.clear();
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
    }
    return d;
  }

  private baseKey(baseText: string, range: SettleOptions): string {
    return JSON.stringify([this.tables?.id, baseText, range]);
  }

  private baseStatement(file: string, baseText: string | undefined, range: SettleOptions): Statement | undefined {
    if (baseText === undefined) return undefined;
    const key = this.baseKey(baseText, range);
    if (this.base?.key === key) return this.base.statement;
    let statement: Statement | undefined;
    const loaded = loadPolicy({ file, text: baseText });
    if (loaded.ok) {
      const dataset = this.dataset(loaded.policy);
      if (!Array.isArray(dataset)) {
        try { statement = settle(loaded.policy, dataset, { ...range, detail: 'amounts' }); } catch { statement = undefined; }
      }
    }
    this.base = { key, statement };
    return statement;
  }

  run(seq: number, policy: CompiledPolicy, range: PeriodRange): Result {
    const started = performance.now();
    const done = (r: DistributiveOmit<Result, 'computeMs'>) => ({ ...r, computeMs: Math.round(performance.now() - started) }) as Result;
    const dataset = this.dataset(policy);
    if (Array.isArray(dataset)) return done({ type: 'result', seq, ok: false, diagnostics: dataset });
    const options: SettleOptions = { ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}) };
    try {
      const statement = settle(policy, dataset, { ...options, detail: 'amounts' });
      this.last = { policy, dataset, options, statement };
      return done({
        type: 'result', seq, ok: true,
        summary: {
          totals: statement.totals,
          payees: payeeTotals(statement, dataset.covered),
          lineCount: statement.lines.length,
          withheldCount: statement.withheld.length,
          from: statement.from,
          to: statement.to,
        },
      });
    } catch (e) {
      return done({ type: 'result', seq, ok: false, diagnostics: diagnosticsOf(e) });
    }
  }

  /** The last run against the saved version (settled once per saved text, dataset and range). */
  impact(seq: number, file: string, baseText: string | undefined): ImpactMessage {
    const started = performance.now();
    const last = this.last;
    const done = (impact?: PreviewImpact): ImpactMessage => ({ type: 'impact', seq, ...(impact ? { impact } : {}), computeMs: Math.round(performance.now() - started) });
    if (last && baseText === last.policy.source.text) {
      // Nothing changed: the saved version's statement is this one.
      this.base = { key: this.baseKey(baseText, last.options), statement: last.statement };
      return done(unchangedImpact(last.statement, last.dataset.covered));
    }
    const before = last ? this.baseStatement(file, baseText, last.options) : undefined;
    const found = last && before ? compareStatements(before, last.statement) : undefined;
    const impact = found && {
      before: found.before, after: found.after, delta: found.delta,
      payees: found.payees, gainers: found.gainers, losers: found.losers, changedLines: found.lines.length,
    };
    return done(impact);
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

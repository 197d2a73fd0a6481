// Policy texts settled over the analysis worker's dataset, the last few kept: comparing the edit
// with three versions settles each text once. The dataset is read once per data layout.
import {
  loadPolicy, readDataset, RatecardError, settle,
  type CompiledPolicy, type Dataset, type DatasetInput, type Diagnostic, type SourceText, type Statement,
} from '../../../engine/index.js';
import type { PeriodRange } from './protocol.js';
import { sourceOf, type TablesAt } from './table-bytes.js';

export type Settled =
  | { ok: true; policy: CompiledPolicy; dataset: Dataset; statement: Statement }
  | { ok: false; diagnostics: Diagnostic[] };

const KEEP = 8;

/** The engine's input from the worker's tables (transactions only when the dataset has them). */
export const datasetInput = ({ payees, facts, transactions }: TablesAt): DatasetInput => ({ payees: sourceOf(payees), facts: sourceOf(facts), ...(transactions ? { transactions: sourceOf(transactions) } : {}) });

export const failure = (file: string, message: string, code = 'internal'): Diagnostic[] =>
  [{ file, line: 1, column: 1, severity: 'error', field: '', code, message }];

export class Settler {
  tables?: TablesAt;
  private datasets = new Map<string, Dataset | Diagnostic[]>();
  private settled = new Map<string, Settled>();

  setDataset(tables: TablesAt): void {
    this.tables = tables;
    this.datasets.clear();
    this.settled.clear();
  }

  private dataset(policy: CompiledPolicy): Dataset | Diagnostic[] {
    const key = JSON.stringify(policy.layout);
    const kept = this.datasets.get(key);
    if (kept) return kept;
    const read = this.tables ? readDataset(datasetInput(this.tables), policy) : undefined;
    const d = !read ? failure('(dataset)', 'no dataset chosen', 'no-dataset') : read.ok ? read.dataset : read.diagnostics;
    if (read) this.datasets.set(key, d);
    return d;
  }

  /** `text` settled over the dataset and `range`, amounts only; `overrides` is a YAML map of parameter values. */
  settle(file: string, text: string, range: PeriodRange, overrides?: SourceText): Settled {
    const key = JSON.stringify([file, text, range.from ?? '', range.to ?? '', overrides?.text ?? '']);
    const kept = this.settled.get(key);
    if (kept) return kept;
    const result = this.compute(file, text, range, overrides);
    this.settled.set(key, result);
    if (this.settled.size > KEEP) this.settled.delete(this.settled.keys().next().value as string);
    return result;
  }

  private compute(file: string, text: string, range: PeriodRange, overrides?: SourceText): Settled {
    const loaded = loadPolicy({ file, text }, overrides ? { overrides } : {});
    if (!loaded.ok) return { ok: false, diagnostics: loaded.diagnostics };
    const dataset = this.dataset(loaded.policy);
    if (Array.isArray(dataset)) return { ok: false, diagnostics: dataset };
    try {
      const statement = settle(loaded.policy, dataset, { ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}), detail: 'amounts' });
      return { ok: true, policy: loaded.policy, dataset, statement };
    } catch (e) {
      return { ok: false, diagnostics: e instanceof RatecardError ? e.diagnostics : failure(file, String((e as Error)?.message ?? e)) };
    }
  }
}

// One payee traced: every line and withheld item with its full trace, settled alone with the
// population values of all payees; with a what-if, of its facts changed in place (ranks stay the
// dataset's). A payee whose facts the preview worker does not hold (the helper's half) is read
// alone from the tables and settled over the whole dataset's months, as it is among all payees.
import { type CompiledPolicy, type Dataset, type PopulationRecord, readDataset, settle, type SettleOptions } from '../../../engine/index.js';
import { diagnosticsOf } from './diagnostics-of.js';
import { onePayeeTables, payeeFacts, payeeRows } from './one-payee.js';
import type { FactOverride, WorkerResponse } from './protocol.js';
import type { TablesAt } from './table-bytes.js';

type Trace = Extract<WorkerResponse, { type: 'trace' }>;

export interface TraceInput {
  tables: TablesAt;
  policy: CompiledPolicy;
  /** The last run's dataset and options, and the whole dataset's months (undefined without facts). */
  dataset: Dataset;
  options: SettleOptions;
  range?: SettleOptions & { from: string; to: string };
  /** True when the payee's facts are not in `dataset` (the helper holds them). */
  elsewhere: boolean;
  ranks: PopulationRecord;
}

export function tracePayee(seq: number, payeeId: string, overrides: FactOverride[], input: TraceInput): Trace {
  const { tables, policy, dataset, options, range, elsewhere, ranks } = input;
  const factRows = payeeRows(tables.facts, payeeId);
  const facts = payeeFacts(tables, payeeId, factRows);
  const what = overrides.length ? { overrides } : {};
  let one: Dataset = { ...dataset, covered: dataset.covered.filter((p) => p.payeeId === payeeId) };
  if (overrides.length || elsewhere) {
    const { payees, facts: factTable, transactions } = onePayeeTables(tables, payeeId, overrides, factRows);
    const read = readDataset({ payees, facts: factTable, ...(transactions ? { transactions } : {}) }, policy);
    if (!read.ok) return { type: 'trace', seq, payeeId, lines: [], withheld: [], facts, ...what, diagnostics: read.diagnostics };
    one = read.dataset;
  }
  // a payee read alone is settled over the whole dataset's months, as it is among all payees (a what-if over its own, as before)
  const span = elsewhere && !overrides.length && range ? range : options;
  try {
    const statement = settle(policy, one, { ...span, ranks, detail: 'trace' });
    return { type: 'trace', seq, payeeId, lines: statement.lines, withheld: statement.withheld, facts, ...what };
  } catch (e) {
    return { type: 'trace', seq, payeeId, lines: [], withheld: [], facts, ...what, diagnostics: diagnosticsOf(e) };
  }
}

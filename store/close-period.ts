// Closing a period: it must have been settled, and periods close in order (no settled period
// before it may stay open), so the first open period after the closes is where adjustments go.
import { errorAt, RatecardError } from '../engine/index.js';
import { periodsBetween, requireMonth } from './periods.js';
import type { ClosedPeriod, SettlementStore } from './settlement-book.js';

export function closePeriod(store: SettlementStore, close: ClosedPeriod, where: string): void {
  const fail = (message: string, code: string) => new RatecardError([errorAt({ file: where, line: 1, column: 1 }, 'period', message, code)]);
  requireMonth(close.period, 'period');
  const closed = new Set(store.closedPeriods(close.policyId).map((c) => c.period));
  if (closed.has(close.period)) throw fail(`period \`${close.period}\` of \`${close.policyId}\` is already closed`, 'already-closed');
  const runs = store.listRuns({ policyId: close.policyId });
  const settled = new Set(runs.flatMap((r) => periodsBetween(requireMonth(r.from, 'from', where), requireMonth(r.to, 'to', where))));
  if (!settled.has(close.period)) {
    throw fail(`period \`${close.period}\` of \`${close.policyId}\` has not been settled: run it before closing it`, 'not-settled');
  }
  const open = [...settled].filter((p) => p < close.period && !closed.has(p)).sort();
  if (open.length) throw fail(`period \`${open[0]}\` of \`${close.policyId}\` is still open: close it before \`${close.period}\``, 'close-in-order');
  store.closePeriod(close);
}

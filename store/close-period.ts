// Closing a period: it must have been settled, and periods close in order (no settled period
// before it may stay open), so the first open period after the closes is where adjustments go.
// The close is sealed: its lines and the runs since the previous close, chained to its seal.
import { errorAt, RatecardError } from '../engine/index.js';
import type { Steps } from './backend.js';
import { periodsBetween, requireMonth } from './periods.js';
import { sealClose } from './seal.js';
import type { ClosedPeriod, RunRecord, SealedClose, SealedLine, SealedRun, Stamp } from './types.js';

export function* closeSteps(close: ClosedPeriod, where: string): Steps<SealedClose> {
  const { policyId, period } = close;
  const fail = (message: string, code: string) => new RatecardError([errorAt({ file: where, line: 1, column: 1 }, 'period', message, code)]);
  requireMonth(period, 'period');
  const closes = (yield (r) => r.closedPeriods(policyId)) as SealedClose[];
  if (closes.some((c) => c.period === period)) throw fail(`period \`${period}\` of \`${policyId}\` is already closed`, 'already-closed');
  const runs = (yield (r) => r.listRuns({ policyId })) as RunRecord[];
  const settled = new Set(runs.flatMap((r) => periodsBetween(requireMonth(r.from, 'from', where), requireMonth(r.to, 'to', where))));
  if (!settled.has(period)) throw fail(`period \`${period}\` of \`${policyId}\` has not been settled: run it before closing it`, 'not-settled');
  const closed = new Set(closes.map((c) => c.period));
  const open = [...settled].filter((p) => p < period && !closed.has(p)).sort();
  if (open.length) throw fail(`period \`${open[0]}\` of \`${policyId}\` is still open: close it before \`${period}\``, 'close-in-order');
  const previous = closes[closes.length - 1];
  const { runSeq } = (yield (r) => r.stamp(policyId)) as Stamp;
  const lines = (yield (r) => r.sealedLines(policyId, period)) as SealedLine[];
  const sealed = (yield (r) => r.sealedRuns(policyId, previous?.runsThrough ?? 0, runSeq)) as SealedRun[];
  return sealClose(previous, close, lines, sealed, runSeq);
}

// What was actually posted before a run's first month, as the engine's ledger history: each
// line at its standing amount (the original plus every adjustment of it), so refunds return
// what was really deducted even when the policy's rates have changed since.
import { Exact, type LedgerLine, type Period } from '../engine/index.js';
import type { LedgerRow } from './types.js';

export function historyFrom(rows: LedgerRow[], before: Period): LedgerLine[] {
  const standing = new Map<string, LedgerLine & { total: Exact }>();
  for (const r of rows) {
    const id = r.adjusts ? r.adjusts.lineId : r.id;
    const period = r.adjusts ? r.adjusts.period : r.period;
    if (period >= before) continue;
    let entry = standing.get(id);
    if (!entry) standing.set(id, (entry = { id, period, payeeId: r.payeeId, line: r.rule, kind: r.kind, amount: '0', total: Exact.ZERO }));
    entry.total = entry.total.add(Exact.parse(r.amount));
    // the latest settlement of the line (rows come in period order) says which quarters it returns
    if (r.returnsSources) entry.returnsSources = r.returnsSources;
  }
  const out: LedgerLine[] = [];
  for (const { total, ...entry } of standing.values()) {
    if (!total.isZero()) out.push({ ...entry, amount: total.toString() });
  }
  return out;
}

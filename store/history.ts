// What was actually posted before a run's first month, as the engine's ledger history: each
// line at its standing amount (the original plus every adjustment of it), so refunds return
// what was really deducted even when the policy's rates have changed since.
import { Exact, type LedgerLine, type Period } from '../engine/index.js';
import type { PostedLine } from './settlement-book.js';

/** Sources a refund line returned (`2025-Q1`, ...), from its trace. */
const sourcesOf = (line: PostedLine) => line.trace.refunds?.map((r) => r.source);

export function historyFrom(lines: PostedLine[], before: Period): LedgerLine[] {
  const standing = new Map<string, LedgerLine & { total: Exact }>();
  for (const l of lines) {
    const target = l.adjustment ? l.trace.adjusts : undefined;
    const id = target ? target.lineId : l.id;
    const period = target ? target.period : l.period;
    if (period >= before) continue;
    let entry = standing.get(id);
    if (!entry) {
      standing.set(id, (entry = { id, period, payeeId: l.payeeId, line: l.trace.rule, kind: l.kind, amount: '0', total: Exact.ZERO }));
    }
    entry.total = entry.total.add(Exact.parse(l.amount));
    // the latest settlement of the line says which quarters it returns
    const sources = sourcesOf(l);
    if (sources) entry.returnsSources = sources;
  }
  const out: LedgerLine[] = [];
  for (const { total, ...entry } of standing.values()) {
    if (!total.isZero()) out.push({ ...entry, amount: total.toString() });
  }
  return out;
}

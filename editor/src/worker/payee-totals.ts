// Totals of a statement per payee, by kind, in payees.csv order.
import { Exact, LINE_KINDS, type LineKind, type PayeeRecord, type Statement } from '../../../engine/index.js';
import type { PayeeTotal } from './protocol.js';

export function payeeTotals(statement: Statement, payees: PayeeRecord[]): PayeeTotal[] {
  const sums = new Map<string, Record<LineKind, Exact>>();
  const zero = () => Object.fromEntries(LINE_KINDS.map((k) => [k, Exact.ZERO])) as Record<LineKind, Exact>;
  for (const p of payees) sums.set(p.payeeId, zero());
  for (const line of statement.lines) {
    let s = sums.get(line.payeeId);
    if (!s) sums.set(line.payeeId, (s = zero()));
    s[line.kind] = s[line.kind].add(Exact.parse(line.amount));
  }
  const names = new Map(payees.map((p) => [p.payeeId, p.name]));
  return [...sums].map(([payeeId, s]) => ({
    payeeId,
    name: names.get(payeeId),
    total: LINE_KINDS.reduce((t, k) => t.add(s[k]), Exact.ZERO).toFixed(2),
    byKind: Object.fromEntries(LINE_KINDS.map((k) => [k, s[k].toFixed(2)])) as Record<LineKind, string>,
  }));
}

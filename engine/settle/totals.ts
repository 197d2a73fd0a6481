// Totals of a statement: sums of rounded lines, overall and by kind.
import { Exact } from '../exact/exact.js';
import { LINE_KINDS, type LineKind, type StatementLine, type Totals } from '../types.js';

export function totalsOf(lines: Pick<StatementLine, 'kind' | 'amount'>[]): Totals {
  const byKind = Object.fromEntries(LINE_KINDS.map((k) => [k, Exact.ZERO])) as Record<LineKind, Exact>;
  let total = Exact.ZERO;
  for (const l of lines) {
    const a = Exact.parse(l.amount);
    byKind[l.kind] = byKind[l.kind].add(a);
    total = total.add(a);
  }
  return {
    total: total.toFixed(2),
    byKind: Object.fromEntries(LINE_KINDS.map((k) => [k, byKind[k].toFixed(2)])) as Record<LineKind, string>,
  };
}

// Totals of a statement: sums of rounded lines, overall and by kind.
import { Exact } from '../exact/exact.js';
import { LINE_KINDS, type LineKind, type StatementLine, type Totals } from '../types.js';

export function totalsOf(lines: Pick<StatementLine, 'kind' | 'amount'>[]): Totals {
  const byKind = Object.fromEntries(LINE_KINDS.map((k) => [k, Exact.ZERO])) as Record<LineKind, Exact>;
  for (const l of lines) byKind[l.kind] = byKind[l.kind].add(Exact.parse(l.amount));
  return totalsOfSums(byKind);
}

/** Totals from exact sums by kind (each a sum of rounded lines). */
export function totalsOfSums(byKind: Record<LineKind, Exact>): Totals {
  const total = LINE_KINDS.reduce((t, k) => t.add(byKind[k]), Exact.ZERO);
  return {
    total: total.toFixed(2),
    byKind: Object.fromEntries(LINE_KINDS.map((k) => [k, byKind[k].toFixed(2)])) as Record<LineKind, string>,
  };
}

/** Totals of several statements (e.g. the parts of one run) added together, exactly. */
export function addTotals(list: Iterable<Totals>): Totals {
  const byKind = Object.fromEntries(LINE_KINDS.map((k) => [k, Exact.ZERO])) as Record<LineKind, Exact>;
  for (const t of list) for (const k of LINE_KINDS) byKind[k] = byKind[k].add(Exact.parse(t.byKind[k]));
  return totalsOfSums(byKind);
}

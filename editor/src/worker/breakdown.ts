// Payee changes grouped by each payee attribute (channel type, region, county, team, …): the
// sums before and after, exactly, and the share of revenue of each group when there is revenue.
import { Exact } from '../../../engine/index.js';
import type { GroupRow, PayeeChange } from './analysis-protocol.js';
import { shareOf } from './revenue.js';

export const NO_VALUE = '—';

export function attributeNames(payees: PayeeChange[]): string[] {
  const names = new Set<string>();
  for (const p of payees) for (const name of Object.keys(p.attributes)) names.add(name);
  return [...names];
}

export function breakdown(payees: PayeeChange[], attribute: string, revenue?: Map<string, Exact>): GroupRow[] {
  const groups = new Map<string, { payees: number; before: Exact; after: Exact; revenue: Exact }>();
  for (const p of payees) {
    const value = p.attributes[attribute]?.trim() || NO_VALUE;
    const g = groups.get(value) ?? { payees: 0, before: Exact.ZERO, after: Exact.ZERO, revenue: Exact.ZERO };
    g.payees++;
    g.before = g.before.add(Exact.parse(p.before));
    g.after = g.after.add(Exact.parse(p.after));
    g.revenue = g.revenue.add(revenue?.get(p.payeeId) ?? Exact.ZERO);
    groups.set(value, g);
  }
  return [...groups].map(([value, g]) => ({ value, g, d: g.after.sub(g.before) }))
    .sort((a, b) => b.d.abs().cmp(a.d.abs()) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .map(({ value, g, d }) => {
      const before = g.before.toFixed(2), after = g.after.toFixed(2);
      const share = revenue ? { share: { revenue: g.revenue.toFixed(2), before: shareOf(before, g.revenue), after: shareOf(after, g.revenue) } } : {};
      return { value, payees: g.payees, before, after, delta: d.toFixed(2), ...share };
    });
}

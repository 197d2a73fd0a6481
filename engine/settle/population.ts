// Population metrics: a rank orders every payee of the policy in a month, so it is computed in
// a pass of its own before payees are settled one by one (they stay independent otherwise).
import { Exact } from '../exact/exact.js';
import type { Plan } from '../compile/plan.js';
import type { PayeeState } from '../compile/runtime.js';

export type Ranks = Map<string, Map<number, Map<number, number>>>; // payee → month → slot → rank

export function hasPopulationMetrics(plan: Plan): boolean {
  return plan.metrics.some((m) => m.rank);
}

/** Ranks every payee in every month it has facts: by the keys in order, ties by payee id. */
export function rankPopulation(plan: Plan, states: Iterable<PayeeState>, months: number[]): Ranks {
  const ranks: Ranks = new Map();
  const rankMetrics = plan.metrics.filter((m) => m.rank);
  const list = [...states];
  for (const m of months) {
    for (const metric of rankMetrics) {
      const keyed = list
        .filter((s) => s.facts.has(m))
        .map((s) => ({ id: s.payee.payeeId, keys: metric.rank!.by.map((k) => k.value({ p: s, m }) as Exact) }));
      keyed.sort((a, b) => {
        for (let i = 0; i < metric.rank!.by.length; i++) {
          const c = a.keys[i].cmp(b.keys[i]);
          if (c) return metric.rank!.by[i].order === 'desc' ? -c : c;
        }
        return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
      });
      keyed.forEach((k, i) => {
        let byMonth = ranks.get(k.id);
        if (!byMonth) ranks.set(k.id, (byMonth = new Map()));
        let slots = byMonth.get(m);
        if (!slots) byMonth.set(m, (slots = new Map()));
        slots.set(metric.slot, i + 1);
      });
    }
  }
  return ranks;
}

export const rankValue = (r: number) => Exact.of(r);

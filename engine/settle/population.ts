// Population metrics: a rank orders every payee of the policy in a month, so it is computed in
// a pass of its own before payees are settled one by one (they stay independent otherwise).
// A parallel run computes each part's rank keys, ranks them all once, and hands ranks back.
import { Exact } from '../exact/exact.js';
import { monthIndex, periodOf } from '../data/period.js';
import type { Plan } from '../compile/plan.js';
import type { PayeeState } from '../compile/runtime.js';

export type Ranks = Map<string, Map<number, Map<number, number>>>; // payee → month → slot → rank

/** The values a payee is ranked by in one month, as exact fractions (`n/d`: a growth of 1/3 stays 1/3). */
export interface RankKeys { payeeId: string; period: string; metric: string; keys: string[] }

export function hasPopulationMetrics(plan: Plan): boolean {
  return plan.metrics.some((m) => m.rank);
}

export function rankKeysOf(plan: Plan, states: Iterable<PayeeState>, months: number[]): RankKeys[] {
  const out: RankKeys[] = [];
  for (const metric of plan.metrics.filter((m) => m.rank)) {
    for (const s of states) {
      for (const m of months) {
        if (!s.facts.has(m)) continue;
        out.push({ payeeId: s.payee.payeeId, period: periodOf(m), metric: metric.name, keys: metric.rank!.by.map((k) => (k.value({ p: s, m }) as Exact).toFraction()) });
      }
    }
  }
  return out;
}

/** Ranks by the keys in order (each asc or desc), ties by payee id; 1 = first. */
export function rankKeys(plan: Plan, rows: RankKeys[]): Record<string, Record<string, Record<string, number>>> {
  const groups = new Map<string, { row: RankKeys; keys: Exact[] }[]>();
  for (const row of rows) {
    const k = `${row.metric}\u0000${row.period}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push({ row, keys: row.keys.map((x) => Exact.fromFraction(x)) });
  }
  const out: Record<string, Record<string, Record<string, number>>> = {};
  for (const list of groups.values()) {
    const by = plan.metrics.find((m) => m.name === list[0].row.metric)!.rank!.by;
    list.sort((a, b) => {
      for (let i = 0; i < by.length; i++) {
        const c = a.keys[i].cmp(b.keys[i]);
        if (c) return by[i].order === 'desc' ? -c : c;
      }
      return a.row.payeeId < b.row.payeeId ? -1 : a.row.payeeId > b.row.payeeId ? 1 : 0;
    });
    list.forEach(({ row }, i) => {
      ((out[row.payeeId] ??= {})[row.period] ??= {})[row.metric] = i + 1;
    });
  }
  return out;
}

export function ranksFromRecord(plan: Plan, record: Record<string, Record<string, Record<string, number>>>): Ranks {
  const slots = new Map(plan.metrics.map((m) => [m.name, m.slot]));
  const ranks: Ranks = new Map();
  for (const [payeeId, byPeriod] of Object.entries(record)) {
    const months = new Map<number, Map<number, number>>();
    for (const [period, byMetric] of Object.entries(byPeriod)) {
      months.set(monthIndex(period)!, new Map(Object.entries(byMetric).map(([name, r]) => [slots.get(name)!, r])));
    }
    ranks.set(payeeId, months);
  }
  return ranks;
}

export function rankPopulation(plan: Plan, states: Iterable<PayeeState>, months: number[]): Ranks {
  const list = [...states];
  return ranksFromRecord(plan, rankKeys(plan, rankKeysOf(plan, list, months)));
}

// What evaluation makes once per plan (or month) and every payee shares: period texts, the
// `period/rule` suffixes of line ids, the rules whose lines go to the ledger, bare traces.
import { periodOf } from '../data/period.js';
import type { Plan } from '../compile/plan.js';
import { lineId } from '../compile/runtime.js';
import type { LineTrace } from '../types.js';

const periods = new Map<number, string>();
/** `YYYY-MM` of a month index, made once: every line of the month shares it. */
export function periodText(m: number): string {
  let p = periods.get(m);
  if (p === undefined) periods.set(m, (p = periodOf(m)));
  return p;
}

// per plan: whether each rule's lines go to the ledger (later months read them)
const ledgerOfPlan = new WeakMap<Plan, boolean[]>();
export function ledgerFlags(plan: Plan): boolean[] {
  let flags = ledgerOfPlan.get(plan);
  if (!flags) ledgerOfPlan.set(plan, (flags = plan.rules.map((r) => plan.ledgerRules.has(r.id))));
  return flags;
}

// `period/rule` of each rule, by month, per plan
const suffixesOfPlan = new WeakMap<Plan, Map<number, string[]>>();
export function lineSuffixes(plan: Plan): Map<number, string[]> {
  let s = suffixesOfPlan.get(plan);
  if (!s) suffixesOfPlan.set(plan, (s = new Map()));
  return s;
}
export function suffixesOf(all: Map<number, string[]>, m: number, period: string, plan: Plan): string[] {
  let s = all.get(m);
  if (!s) all.set(m, (s = plan.rules.map((r) => lineId('', '', period, r.id).slice(2))));
  return s;
}

// traces off: every line shares its rule's bare trace instead of allocating one
const bareOfPlan = new WeakMap<Plan, LineTrace[]>();
export function bareTraces(plan: Plan): LineTrace[] {
  let bare = bareOfPlan.get(plan);
  if (!bare) bareOfPlan.set(plan, (bare = plan.rules.map((r) => ({ rule: r.id, location: r.location, values: {}, conditions: [] }))));
  return bare;
}

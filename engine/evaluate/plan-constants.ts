// What evaluation makes once per plan and every payee shares, found with one lookup per payee:
// the rules' bare traces, which rules' lines go to the ledger, and per month its `YYYY-MM` text
// and the `period/rule` suffixes of line ids.
import { periodOf } from '../data/period.js';
import type { Plan } from '../compile/plan.js';
import { lineId } from '../compile/runtime.js';
import { kindIndex } from './unit-sums.js';
import type { LineTrace } from '../types.js';
import type { PlanRule } from './lazy-withheld.js';

export interface MonthConstants {
  period: string;
  /** `period/rule` by rule index: a line id is the payee's prefix joined to it. */
  suffix: string[];
}

export interface PlanConstants {
  /** Traces off: every line shares its rule's bare trace instead of allocating one. */
  bare: LineTrace[];
  /** Whether each rule's lines go to the ledger (later months read them). */
  inLedger: boolean[];
  /** Each rule's kind as its index in LINE_KINDS (for sums in units). */
  kindIndex: number[];
  /** Whether rule `r` runs in the month of the year `k` (0–11): `runs[r × 12 + k]`, its frequency read once. */
  runs: Uint8Array;
  /** Each rule with the plan, as withheld items made when read keep it (one field instead of two). */
  planRules: PlanRule[];
  month(m: number): MonthConstants;
}

const ofPlan = new WeakMap<Plan, PlanConstants>();

export function planConstants(plan: Plan): PlanConstants {
  let c = ofPlan.get(plan);
  if (c) return c;
  const months = new Map<number, MonthConstants>();
  c = {
    bare: plan.rules.map((r) => ({ rule: r.id, location: r.location, values: {}, conditions: [] })),
    inLedger: plan.rules.map((r) => plan.ledgerRules.has(r.id)),
    kindIndex: plan.rules.map((r) => kindIndex(r.kind)),
    runs: Uint8Array.from(plan.rules.flatMap((r) => Array.from({ length: 12 }, (_, k) => (r.runsIn(k + 1) ? 1 : 0)))),
    planRules: plan.rules.map((rule) => ({ plan, rule })),
    month(m) {
      let k = months.get(m);
      if (!k) {
        const period = periodOf(m);
        months.set(m, (k = { period, suffix: plan.rules.map((r) => lineId('', '', period, r.id).slice(2)) }));
      }
      return k;
    },
  };
  ofPlan.set(plan, c);
  return c;
}

export const bareTraces = (plan: Plan): LineTrace[] => planConstants(plan).bare;

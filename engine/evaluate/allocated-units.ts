// An allocated share in integer units, for `amounts` detail: the share the population pass left
// for this payee and month (already at the rounding scale), as `allocated` in compute-amount.ts
// reads it; NaN hands the rule to the reference, which also reports a share that is missing.
import { type Ctx, exactUnits } from '../compile/runtime.js';

export function allocatedUnits(ctx: Ctx, ruleId: string, unit: number): number {
  const share = ctx.p.population?.get(ctx.m)?.get(ruleId);
  return share === undefined || typeof share === 'number' ? NaN : exactUnits(share, unit);
}

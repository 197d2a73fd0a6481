// A rule's rounded amount in integer units of the policy's scale (before a deduction's sign),
// where it has a way there: its generated code, a refund of ledger units, an allocated share.
// NaN means none, or out of bounds: the rule is evaluated by its reference closures.
import type { RoundingMode } from '../exact/exact.js';
import type { CompiledRule } from '../compile/plan.js';
import type { Ctx } from '../compile/runtime.js';
import type { FactRow } from '../data/dataset.js';
import { refundUnits } from './refund-units.js';
import { allocatedUnits } from './allocated-units.js';

/** `flagged` collects the transactions a per-transaction rule flags; `quarters` the quarters a refund returns; `row` the month's facts. */
export function amountUnits(rule: CompiledRule, ctx: Ctx, flagged: number[], unit: number, mode: RoundingMode, quarters: number[], row?: FactRow): number {
  const generated = rule.integer?.amount;
  if (generated) return generated(ctx, flagged, row);
  const a = rule.amount;
  if (a.type === 'refund') return refundUnits(a.of, a.schedule, ctx, rule.id, unit, mode, quarters);
  if (a.type === 'allocate') return allocatedUnits(ctx, rule.id, unit);
  return NaN;
}

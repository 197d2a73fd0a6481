// A transaction a per-transaction rule's `where` leaves out, as the statement reports it: made
// at once (trace detail, `lazyReasons: false`) or when first read (LazyFlagged), alike.
import { Exact } from '../exact/exact.js';
import type { CompiledRule, Plan } from '../compile/plan.js';
import type { Ctx, PayeeState } from '../compile/runtime.js';
import type { TransactionRow } from '../data/dataset.js';
import type { LineTrace, WithheldItem } from '../types.js';
import { failedLeaves } from './trace.js';
import { msg } from '../messages/msg.js';
import { render } from '../messages/render.js';

/** A transaction's context with its derived values, as the reference loop makes it. */
export function transactionCtx(rule: CompiledRule, state: PayeeState, m: number, item: TransactionRow): Ctx {
  const itemCtx: Ctx = { p: state, m, item, derived: [] };
  if (rule.amount.type === 'each') for (const d of rule.amount.derive) itemCtx.derived!.push(d.expr.fn(itemCtx));
  return itemCtx;
}

export function flaggedNow(plan: Plan, rule: CompiledRule, ctx: Ctx, id: string, period: string, lineTrace: LineTrace | undefined): WithheldItem {
  let wouldPay: string | undefined;
  try {
    const amount = rule.amount.type === 'each' ? (rule.amount.formula.fn(ctx) as Exact) : Exact.ZERO;
    wouldPay = amount.round(plan.rounding.scale, plan.rounding.mode).toFixed(plan.rounding.scale);
  } catch {
    // as for a gate: the amount may not be computable on what `where` leaves out (e.g. nothing to divide by)
  }
  const where = rule.amount.type === 'each' ? rule.amount.where?.trace(ctx, 'where') : undefined;
  // worded as a withheld gate is: `… is not met`
  const failed = where ? failedLeaves(where) : [];
  const reasonMessage = msg('withheld.flagged', { id: ctx.item!.id, failed });
  return {
    id, period, payeeId: ctx.p.payee.payeeId, policy: plan.id, line: rule.id, kind: rule.kind,
    reason: render(reasonMessage), reasonMessage,
    wouldPay,
    trace: { ...(lineTrace ?? { rule: rule.id, location: rule.location, values: {} }), conditions: where ? [where] : [] },
  };
}

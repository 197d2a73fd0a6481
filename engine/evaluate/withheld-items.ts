// The items a rule makes instead of a line: withheld by its gate (reason made at once, or when
// read: LazyWithheld), a transaction its `where` leaves out (flagged-now.ts, or when read:
// LazyFlagged), a rule that made nothing (unpaid).
import type { CompiledRule, Plan } from '../compile/plan.js';
import type { Ctx, PayeeState } from '../compile/runtime.js';
import type { FailedLeaf } from '../compile/compile-condition.js';
import type { Generated } from '../compile/integer/integer-plan.js';
import type { LineTrace, UnpaidItem, WithheldItem } from '../types.js';
import { computeAmount } from './compute-amount.js';
import { buildTrace, withheldMessage } from './trace.js';
import { msg } from '../messages/msg.js';
import { render } from '../messages/render.js';
import { unitsText } from './unit-sums.js';
import { LazyWithheld, type PlanRule } from './lazy-withheld.js';
import { LazyFlagged } from './lazy-flagged.js';
import { flaggedNow, transactionCtx } from './flagged-now.js';
import { bareTraces } from './plan-constants.js';
import { lapsed, leanReason } from './withheld-reason.js';

/** Transactions a generated amount flags while it computes a would-pay amount: not read. */
const noFlags: number[] = [];

/** A withheld item; without `full`, it keeps its reason and shares the rule's bare trace. */
export function withheld(of: PlanRule, ctx: Ctx, id: string, period: string, full: boolean, generated: Generated | undefined, kept: PayeeState | undefined): WithheldItem {
  const { plan, rule } = of;
  let wouldPay: string | undefined;
  let result;
  // only when it has some: setting an array's length is a call into the runtime (1 % of an amounts run)
  if (!full && generated && noFlags.length !== 0) noFlags.length = 0;
  const units = !full && generated ? generated(ctx, noFlags) : NaN;
  if (units === units) {
    const signed = rule.kind === 'deduction' ? -units : units;
    // made when read: the item keeps the units
    if (kept) return new LazyWithheld(of, period, ctx.p.payee.payeeId, signed, ctx, kept);
    wouldPay = unitsText(signed, plan.rounding.scale);
  } else try {
    result = computeAmount(rule.amount, ctx, plan.rounding, rule.id);
    const r = result.preRounded ? result.exact : result.exact.round(plan.rounding.scale, plan.rounding.mode);
    wouldPay = (rule.kind === 'deduction' ? r.neg() : r).toFixed(plan.rounding.scale);
  } catch {
    // the amount may not be computable when the gate fails (e.g. nothing to divide by)
  }
  if (full) {
    const trace = buildTrace(plan, rule, ctx, result, undefined);
    const reasonMessage = withheldMessage(trace.conditions, lapsed(rule, ctx));
    return {
      id, period, payeeId: ctx.p.payee.payeeId, policy: plan.id, line: rule.id, kind: rule.kind,
      reason: render(reasonMessage), reasonMessage, wouldPay, trace,
    };
  }
  if (kept) return new LazyWithheld(of, period, ctx.p.payee.payeeId, wouldPay, ctx, kept);
  const reason = leanReason(rule, ctx);
  return {
    id, period, payeeId: ctx.p.payee.payeeId, policy: plan.id, line: rule.id, kind: rule.kind,
    reason: reason.text, reasonMessage: reason.message, wouldPay, trace: bareTraces(plan)[rule.index],
  };
}

/** A rule that made no line: why, with the trace of its conditions (and formula, when it came to 0). */
export function unpaid(plan: Plan, rule: CompiledRule, ctx: Ctx, id: string, period: string, status: UnpaidItem['status']): UnpaidItem {
  const trace = buildTrace(plan, rule, ctx, undefined, undefined);
  const failed: FailedLeaf[] = [];
  if (status === 'not-applicable') {
    rule.when!.failed(ctx, failed);
    // the gate was never reached: only `when` explains it
    trace.conditions = trace.conditions.filter((c) => c.path === 'when');
  }
  const reasonMessage = msg('unpaid.not-applicable', { failed: failed.map((f) => msg('trace.not-met', { condition: f() })) });
  return {
    id, period, payeeId: ctx.p.payee.payeeId, policy: plan.id, line: rule.id, kind: rule.kind, status,
    reason: render(reasonMessage), reasonMessage, trace,
  };
}

/**
 * A transaction the rule's `where` leaves out, `ctx` being the transaction's (its derived values
 * are made here when it has none): reported at once, or when first read given the kept state.
 */
export function flaggedItem(of: PlanRule, ctx: Ctx, id: string, period: string, lineTrace: LineTrace | undefined, kept: PayeeState | undefined): WithheldItem {
  if (kept) return new LazyFlagged(of, id, period, ctx.p.payee.payeeId, lineTrace, ctx, kept);
  const { plan, rule } = of;
  return flaggedNow(plan, rule, ctx.derived ? ctx : transactionCtx(rule, ctx.p, ctx.m, ctx.item!), id, period, lineTrace);
}

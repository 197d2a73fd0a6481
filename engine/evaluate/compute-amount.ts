// Computes the exact (unrounded) amount of a rule for one payee and month, with what the
// trace needs: paid and flagged transactions, the tier reached, the deductions a refund returns.
import { Exact, type RoundingMode } from '../exact/exact.js';
import { periodOf, quarterOfYear, yearOf } from '../data/period.js';
import type { AmountPlan } from '../compile/plan.js';
import { type Ctx, type LedgerEntry, lineId } from '../compile/runtime.js';
import type { ItemTrace, RefundComponent } from '../types.js';
import type { TierRow, Value } from '../compile/values.js';

export interface AmountResult {
  exact: Exact;
  /** Set when the amount is already a sum of rounded parts (per-transaction rounding). */
  preRounded?: boolean;
  items?: { id: string; paid: boolean; amount: Exact; ctx: Ctx }[];
  tier?: { value: Exact; reached?: TierRow };
  /** Each source quarter returned, with the deduction entries it returns (text made only for traces). */
  refunds?: RefundPart[];
  returnsSources?: string[];
}

export interface RefundPart { source: string; share: Exact; deducted: Exact; amount: Exact; deductions: LedgerEntry[] }

const num = (v: Value) => v as Exact;

/** A refund part as its trace shows it: decimal text and the ids of the lines it returns. */
export function refundComponent(r: RefundPart, ctx: Ctx): RefundComponent {
  return {
    source: r.source, share: r.share.toString(), deducted: r.deducted.toString(), amount: r.amount.toString(),
    returns: r.deductions.map((e) => ({ lineId: e.id ?? lineId(ctx.p.policyId ?? '', ctx.p.payee.payeeId, periodOf(e.month), e.rule), period: periodOf(e.month), amount: e.amount.toString() })),
  };
}

export function computeAmount(plan: AmountPlan, ctx: Ctx, rounding: { scale: number; mode: RoundingMode }, ruleId: string): AmountResult {
  switch (plan.type) {
    case 'formula': return { exact: num(plan.formula.fn(ctx)) };
    case 'tier': return tier(plan, ctx);
    case 'refund': return refund(plan, ctx, ruleId);
    case 'each': {
      const list = ctx.p.transactions.get(ctx.m) ?? [];
      const items: NonNullable<AmountResult['items']> = [];
      let total = Exact.ZERO;
      for (const item of list) {
        const itemCtx: Ctx = { p: ctx.p, m: ctx.m, item, derived: [] };
        for (const d of plan.derive) itemCtx.derived!.push(d.expr.fn(itemCtx));
        if (plan.where && !plan.where.test(itemCtx)) {
          items.push({ id: item.id, paid: false, amount: Exact.ZERO, ctx: itemCtx });
          continue;
        }
        let amount = num(plan.formula.fn(itemCtx));
        if (plan.roundEach) amount = amount.round(rounding.scale, rounding.mode);
        total = total.add(amount);
        items.push({ id: item.id, paid: true, amount, ctx: itemCtx });
      }
      return { exact: total, preRounded: plan.roundEach, items };
    }
  }
}

function tier(plan: Extract<AmountPlan, { type: 'tier' }>, ctx: Ctx): AmountResult {
  const value = num(plan.value.fn(ctx));
  const rows = plan.table; // sorted by min, ascending
  if (plan.mode === 'marginal') {
    let total = Exact.ZERO;
    for (const row of rows) {
      if (!value.gt(row.min)) break;
      const top = row.max ? value.min(row.max) : value;
      total = total.add(row[plan.rate!].mul(top.sub(row.min)));
    }
    return { exact: total, tier: { value } };
  }
  let reached: TierRow | undefined;
  for (let i = rows.length - 1; i >= 0; i--) {
    if (rows[i].min.lte(value)) { reached = rows[i]; break; }
  }
  if (!reached) return { exact: Exact.ZERO, tier: { value } };
  const exact = plan.pay ? reached[plan.pay] : reached[plan.rate!].mul(num(plan.base!.fn(ctx)));
  return { exact, tier: { value, reached } };
}

/** A quarter's deductions are returned at most once: at the first met checkpoint listing it whose refund line pays. */
function refund(plan: Extract<AmountPlan, { type: 'refund' }>, ctx: Ctx, ruleId: string): AmountResult {
  const shares = plan.schedule.get((ctx.m % 12) + 1);
  if (!shares) return { exact: Exact.ZERO, refunds: [], returnsSources: [] };
  const year = yearOf(ctx.m);
  const returned = new Set<string>();
  for (const e of ctx.p.ledger) if (e.rule === ruleId && e.sources) e.sources.forEach((s) => returned.add(s));
  const refunds: NonNullable<AmountResult['refunds']> = [];
  let total = Exact.ZERO;
  for (const [quarter, share] of shares) {
    const source = `${year}-Q${quarter}`;
    if (returned.has(source)) continue;
    const deductions: LedgerEntry[] = ctx.p.ledger.filter(
      (e) => e.rule === plan.of && yearOf(e.month) === year && quarterOfYear(e.month) === quarter && e.month <= ctx.m && !e.amount.isZero(),
    );
    const deducted = deductions.reduce((s, e) => s.sub(e.amount), Exact.ZERO); // deductions are negative
    const amount = deducted.mul(share);
    total = total.add(amount);
    refunds.push({ source, share, deducted, amount, deductions });
  }
  return { exact: total, refunds, returnsSources: refunds.map((r) => r.source) };
}

// Computes the exact (unrounded) amount of a rule for one payee and month, with what the
// trace needs: paid and flagged transactions, the tier reached, the deductions a refund returns.
import { Exact, type RoundingMode } from '../exact/exact.js';
import { periodOf, quarterOfYear, yearOf } from '../data/period.js';
import type { AmountPlan } from '../compile/plan.js';
import { type Ctx, type LedgerEntry, lineId } from '../compile/runtime.js';
import type { TransactionRow } from '../data/dataset.js';
import { EvaluationError } from '../compile/values.js';
import { msg } from '../messages/msg.js';
import type { ItemTrace, RefundComponent } from '../types.js';
import type { TierRow, Value } from '../compile/values.js';

/** One part of a transaction paid in instalments, or the parts of one taken back. */
export interface PartItem { id: string; part: number; parts: number; amount: Exact }

export interface AmountResult {
  exact: Exact;
  /** Set when the amount is already a sum of rounded parts (per-transaction rounding). */
  preRounded?: boolean;
  items?: { id: string; paid: boolean; amount: Exact; ctx: Ctx }[];
  tier?: { value: Exact; reached?: TierRow };
  /** Each source quarter returned, with the deduction entries it returns (text made only for traces). */
  refunds?: RefundPart[];
  returnsSources?: string[];
  /** Instalments paid this month, or clawed back, with their transaction and part. */
  parts?: PartItem[];
  /** An allocated share: the group's total, its weights' sum and the payee's weight. */
  allocation?: { total: Exact; weights: Exact; weight: Exact };
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
    case 'refund': return refund(plan, ctx, ruleId, rounding);
    case 'allocate': return allocated(ctx, ruleId);
    case 'instalments': return instalmentsDue(plan, ctx, rounding);
    case 'clawback': return clawback(plan, ctx, rounding);
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
    // with a base, band bounds are shares of it (the excess over a per-payee target shared by bands)
    const base = plan.base ? num(plan.base.fn(ctx)) : undefined;
    let total = Exact.ZERO;
    for (const row of rows) {
      const min = base ? row.min.mul(base) : row.min;
      if (!value.gt(min)) break;
      const max = row.max && (base ? row.max.mul(base) : row.max);
      const top = max ? value.min(max) : value;
      total = total.add(row[plan.rate!].mul(top.sub(min)));
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
function refund(plan: Extract<AmountPlan, { type: 'refund' }>, ctx: Ctx, ruleId: string, rounding: { scale: number; mode: RoundingMode }): AmountResult {
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
    // each quarter's part is rounded once, then the parts are added
    const amount = deducted.mul(share).round(rounding.scale, rounding.mode);
    total = total.add(amount);
    refunds.push({ source, share, deducted, amount, deductions });
  }
  return { exact: total, preRounded: true, refunds, returnsSources: refunds.map((r) => r.source) };
}

/** The share the population pass allocated to this payee (already at the rounding scale). */
function allocated(ctx: Ctx, ruleId: string): AmountResult {
  const pop = ctx.p.population?.get(ctx.m);
  const share = pop?.get(ruleId);
  if (share === undefined || typeof share === 'number') {
    throw new EvaluationError(msg('evaluate.no-share', { rule: ruleId, payee: ctx.p.payee.payeeId, period: periodOf(ctx.m) }));
  }
  const get = (k: string) => pop!.get(`${ruleId}#${k}`) as Exact;
  return { exact: share, preRounded: true, allocation: { total: get('total'), weights: get('weights'), weight: get('weight') } };
}

type Instalments = Extract<AmountPlan, { type: 'instalments' }>;
type Rounding = { scale: number; mode: RoundingMode };

/** A transaction's context: its derived values, then its part number and the month the part falls due. */
function transactionCtx(plan: Instalments | Extract<AmountPlan, { type: 'clawback' }>, ctx: Ctx, item: TransactionRow, m: number): Ctx {
  const itemCtx: Ctx = { p: ctx.p, m, item, derived: [] };
  for (const d of plan.transaction.derive) itemCtx.derived!.push(d.expr.fn(itemCtx));
  return itemCtx;
}

/**
 * The part of `item` due in month `m` (k = m − the transaction's month), when there is one and
 * it is paid: total rounded once, every part but the last rounded down, the last takes the rest.
 */
export function partDue(plan: Instalments, ctx: Ctx, item: TransactionRow, m: number, rounding: Rounding): PartItem | undefined {
  const k = m - item.period;
  if (k < 1) return undefined;
  const itemCtx = transactionCtx(plan, ctx, item, item.period);
  const partsValue = num(plan.parts.fn(itemCtx));
  if (!partsValue.isInteger() || partsValue.sign() <= 0 || partsValue.gt(MAX_PARTS)) {
    throw new EvaluationError(msg('evaluate.parts', { id: item.id, parts: partsValue.toString() }));
  }
  const parts = partsValue.toNumber();
  if (k > parts) return undefined;
  const total = num(plan.total.fn(itemCtx)).round(rounding.scale, rounding.mode);
  const each = total.div(partsValue).round(rounding.scale, 'down');
  const amount = k < parts ? each : total.sub(each.mul(Exact.of(parts - 1)));
  if (plan.paidWhile) {
    const slots = plan.transaction.partSlots!;
    itemCtx.m = m;
    itemCtx.derived![slots.part] = Exact.of(k);
    itemCtx.derived![slots.parts] = partsValue;
    itemCtx.derived![slots.partMonth] = Exact.of(m);
    if (!plan.paidWhile.fn(itemCtx)) return undefined;
  }
  return { id: item.id, part: k, parts, amount };
}

const MAX_PARTS = Exact.of(120);

function* earlierTransactions(ctx: Ctx, before: number, after: number): Generator<TransactionRow> {
  for (const [month, list] of ctx.p.transactions) if (month < before && month >= after) yield* list;
}

/** Parts of the payee's earlier transactions falling due this month, each with its transaction and part number. */
function instalmentsDue(plan: Instalments, ctx: Ctx, rounding: Rounding): AmountResult {
  const parts: PartItem[] = [];
  let total = Exact.ZERO;
  for (const item of earlierTransactions(ctx, ctx.m, ctx.m - 120)) {
    const due = partDue(plan, ctx, item, ctx.m, rounding);
    if (!due) continue;
    parts.push(due);
    total = total.add(due.amount);
  }
  return { exact: total, preRounded: true, parts };
}

/** Transactions whose event falls this month, within the window: the parts paid on them before it are taken back. */
function clawback(plan: Extract<AmountPlan, { type: 'clawback' }>, ctx: Ctx, rounding: Rounding): AmountResult {
  const parts: PartItem[] = [];
  let total = Exact.ZERO;
  // what was actually paid: in a month whose lines are known, a part counts only if the
  // instalments line paid that month (its `when`, gate and effective months held)
  const paidMonths = new Set<number>();
  for (const e of ctx.p.ledger) if (e.rule === plan.ofRule && !e.amount.isZero()) paidMonths.add(e.month);
  const paidIn = (m: number) => !ctx.p.settled.has(m) || paidMonths.has(m);
  for (const item of earlierTransactions(ctx, ctx.m + 1, ctx.m - 120)) {
    const itemCtx = transactionCtx(plan, ctx, item, item.period);
    const event = plan.event.fn(itemCtx) as Exact | undefined;
    if (event === undefined || !event.eq(Exact.of(ctx.m))) continue;
    if (plan.within && Exact.of(ctx.m - item.period).gt(num(plan.within.fn(itemCtx)))) continue;
    for (let m = item.period + 1; m < ctx.m; m++) {
      if (!paidIn(m)) continue;
      const paid = partDue(plan.of, ctx, item, m, rounding);
      if (!paid) continue;
      parts.push(paid);
      total = total.add(paid.amount);
    }
  }
  return { exact: total, preRounded: true, parts };
}

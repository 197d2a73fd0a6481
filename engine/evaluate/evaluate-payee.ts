// Evaluates every rule for one payee, month by month: frequency, `when`, gate, amount, one
// rounding, ledger. Lines from `emitFrom` on go to the statement with their traces; earlier
// months only feed the ledger (refunds read it) and windows.
import { errorAt, RatecardError } from '../errors.js';
import { Exact } from '../exact/exact.js';
import { monthOfYear, periodOf } from '../data/period.js';
import type { CompiledRule, Plan } from '../compile/plan.js';
import { type Ctx, lineId, type PayeeState } from '../compile/runtime.js';
import type { TransactionRow } from '../data/dataset.js';
import { DataCellError, EvaluationError } from '../compile/values.js';
import type { CompiledCondition, FailedLeaf } from '../compile/compile-condition.js';
import { CONDITION_BAIL, type Generated } from '../compile/integer/integer-plan.js';
import type { LineKind, LineTrace, StatementLine, UnpaidItem, WithheldItem } from '../types.js';
import { type AmountResult, computeAmount } from './compute-amount.js';
import { buildTrace, explain, failedLeaves, failedMessage, withheldMessage } from './trace.js';
import { msg } from '../messages/msg.js';
import { render } from '../messages/render.js';
import type { MessageData } from '../types.js';
import { type UnitSums, unitsText } from './unit-sums.js';
import { keptState, LazyWithheld } from './lazy-withheld.js';

export interface PayeeOutput {
  lines: StatementLine[];
  withheld: WithheldItem[];
  /** Rules that made no line, when asked for (explanations). */
  unpaid?: UnpaidItem[];
}

export interface EvaluateOptions {
  /** First month index that goes on the statement. */
  emitFrom: number;
  /** What each line carries: full trace, explanation only, or amounts only. */
  detail: 'trace' | 'explanation' | 'amounts';
  /** Sums of the lines on the statement by kind, added to as lines are made (totals without re-reading amounts). */
  sums?: Record<LineKind, Exact>;
  /** Sums of generated amounts in integer units (the others go to `sums`). */
  unitSums?: UnitSums;
  /** Withheld reasons made when first read (see LazyWithheld); by default in `amounts` detail only. */
  lazyReasons?: boolean;
  /** `reference`: the closures only, never the generated integer code (for tests). */
  engine?: 'integer' | 'reference';
}

/** Appends the payee's lines and withheld items to `out` (new lists when not given) and returns it. */
export function evaluatePayee(plan: Plan, state: PayeeState, months: number[], options: EvaluateOptions, out: PayeeOutput = { lines: [], withheld: [] }): PayeeOutput {
  const { scale, mode } = plan.rounding;
  const payeeId = state.payee.payeeId;
  state.policyId = plan.id;
  state.unit = 10 ** scale;
  const bare = bareTraces(plan);
  const inLedger = ledgerFlags(plan);
  const full = options.detail === 'trace';
  // a line id is the payee's prefix joined to the month's `period/rule` suffix, both made once
  const prefix = `${plan.id}/${payeeId}/`;
  const suffixes = lineSuffixes(plan);
  const integer = options.engine !== 'reference';
  const lean = options.detail === 'amounts';
  const unit = 10 ** scale;
  const flagged: number[] = [];
  const lazyReasons = (options.lazyReasons ?? lean) && !full;
  let kept: PayeeState | undefined;
  for (const m of months) {
    state.current = new Array(plan.rules.length);
    state.settled.add(m);
    if ((plan.effective.from !== undefined && m < plan.effective.from) || (plan.effective.to !== undefined && m > plan.effective.to)) continue;
    const emit = m >= options.emitFrom;
    const period = periodText(m);
    const suffix = suffixesOf(suffixes, m, period, plan);
    const ctx: Ctx = { p: state, m };
    for (const rule of plan.rules) {
      if (!rule.runsIn(monthOfYear(m))) continue;
      const int = integer ? rule.integer : undefined;
      try {
        if (rule.when && !holds(rule.when, int?.when, ctx)) {
          if (emit && out.unpaid) out.unpaid.push(unpaid(plan, rule, ctx, prefix + suffix[rule.index], period, 'not-applicable'));
          continue;
        }
        if (rule.gate && !holds(rule.gate, int?.gate, ctx)) {
          if (emit) out.withheld.push(withheld(plan, rule, ctx, prefix + suffix[rule.index], period, full, int?.amount, lazyReasons ? (kept ??= keptState(state)) : undefined));
          continue;
        }
        // amounts only: the generated amount in integer units, when it has one and stays in bounds
        if (flagged.length) flagged.length = 0;
        const units = lean && int?.amount ? int.amount(ctx, flagged) : NaN;
        if (units === units) {
          // kept as units: an `Exact` is made only where one is read (a closure, the ledger, a total past 2^53)
          const signed = rule.kind === 'deduction' ? -units : units;
          state.current[rule.index] = signed;
          if (inLedger[rule.index]) state.ledger.push({ month: m, rule: rule.id, kind: rule.kind, amount: Exact.ratio(signed, unit) });
          if (!emit) continue;
          const id = prefix + suffix[rule.index];
          // transactions the generated loop flagged: reported from the closures
          for (let i = 0; i < flagged.length; i++) {
            const item = state.transactions.get(m)![flagged[i]];
            out.withheld.push(flaggedItem(plan, rule, transactionCtx(rule, state, m, item), `${id}/${item.id}`, period, undefined));
          }
          if (signed === 0) continue;
          if (options.unitSums) options.unitSums.add(rule.kind, signed);
          else if (options.sums) options.sums[rule.kind] = options.sums[rule.kind].add(Exact.ratio(signed, unit));
          out.lines.push({ id, period, payeeId, policy: plan.id, line: rule.id, kind: rule.kind, amount: unitsText(signed, scale), explanation: '', trace: bare[rule.index] });
          continue;
        }
        const result = computeAmount(rule.amount, ctx, plan.rounding, rule.id);
        const rounded = result.preRounded ? result.exact : result.exact.round(scale, mode);
        const amount = rule.kind === 'deduction' ? rounded.neg() : rounded;
        state.current[rule.index] = amount;
        // a refund that rounds to nothing is no line, so it returns no quarter: a run that reads its
        // history from posted lines must see the same open quarters as a run over the whole year
        if (inLedger[rule.index]) state.ledger.push({ month: m, rule: rule.id, kind: rule.kind, amount, sources: amount.isZero() ? undefined : result.returnsSources });
        if (!emit) continue;
        const id = prefix + suffix[rule.index];
        const trace = lean ? undefined : buildTrace(plan, rule, ctx, result, amount, full);
        if (result.items) for (const item of result.items) {
          if (!item.paid) out.withheld.push(flaggedItem(plan, rule, item.ctx, `${id}/${item.id}`, period, trace));
        }
        if (amount.isZero()) {
          // a per-transaction rule with nothing to pay on has nothing to explain
          const nothing = (result.parts && !result.parts.length) || (result.items && !result.items.length);
          if (out.unpaid && trace && !nothing) {
            const f = trace.formula;
            const reasonMessage = msg('unpaid.zero', { expression: f && (f.msg?.expression ?? f.expression), substituted: f && (f.msg?.substituted ?? f.substituted) });
            out.unpaid.push({ ...unpaid(plan, rule, ctx, id, period, 'zero'), trace, reason: render(reasonMessage), reasonMessage });
          }
          continue;
        }
        if (options.sums) options.sums[rule.kind] = options.sums[rule.kind].add(amount);
        out.lines.push({
          id, period, payeeId, policy: plan.id, line: rule.id, kind: rule.kind, amount: amount.toFixed(scale),
          explanation: trace ? explain(trace) : '',
          trace: full && trace ? trace : bare[rule.index],
        });
      } catch (e) {
        throw located(e, plan, rule, payeeId, period, state);
      }
    }
  }
  return out;
}

/** A condition by its generated code, or by its closure when there is none or it cannot decide. */
function holds(condition: CompiledCondition, generated: Generated | undefined, ctx: Ctx): boolean {
  const c = generated ? generated(ctx, NO_FLAGS) : CONDITION_BAIL;
  return c === CONDITION_BAIL ? condition.test(ctx) : c === 1;
}

const NO_FLAGS: number[] = [];

/** A transaction's context with its derived values, as the reference loop makes it. */
function transactionCtx(rule: CompiledRule, state: PayeeState, m: number, item: TransactionRow): Ctx {
  const itemCtx: Ctx = { p: state, m, item, derived: [] };
  if (rule.amount.type === 'each') for (const d of rule.amount.derive) itemCtx.derived!.push(d.expr.fn(itemCtx));
  return itemCtx;
}

const periods = new Map<number, string>();
/** `YYYY-MM` of a month index, made once: every line of the month shares it. */
function periodText(m: number): string {
  let p = periods.get(m);
  if (p === undefined) periods.set(m, (p = periodOf(m)));
  return p;
}

// per plan: whether each rule's lines go to the ledger (later months read them)
const ledgerOfPlan = new WeakMap<Plan, boolean[]>();
function ledgerFlags(plan: Plan): boolean[] {
  let flags = ledgerOfPlan.get(plan);
  if (!flags) ledgerOfPlan.set(plan, (flags = plan.rules.map((r) => plan.ledgerRules.has(r.id))));
  return flags;
}

// `period/rule` of each rule, by month, per plan
const suffixesOfPlan = new WeakMap<Plan, Map<number, string[]>>();
function lineSuffixes(plan: Plan): Map<number, string[]> {
  let s = suffixesOfPlan.get(plan);
  if (!s) suffixesOfPlan.set(plan, (s = new Map()));
  return s;
}
function suffixesOf(all: Map<number, string[]>, m: number, period: string, plan: Plan): string[] {
  let s = all.get(m);
  if (!s) all.set(m, (s = plan.rules.map((r) => lineId('', '', period, r.id).slice(2))));
  return s;
}

// traces off: every line shares its rule's bare trace instead of allocating one
const bareOfPlan = new WeakMap<Plan, LineTrace[]>();
function bareTraces(plan: Plan): LineTrace[] {
  let bare = bareOfPlan.get(plan);
  if (!bare) bareOfPlan.set(plan, (bare = plan.rules.map((r) => ({ rule: r.id, location: r.location, values: {}, conditions: [] }))));
  return bare;
}

/** A withheld item; without `full`, it keeps its reason and shares the rule's bare trace. */
function withheld(plan: Plan, rule: CompiledRule, ctx: Ctx, id: string, period: string, full: boolean, generated: Generated | undefined, kept: PayeeState | undefined): WithheldItem {
  let wouldPay: string | undefined;
  let result;
  const units = !full && generated ? generated(ctx, []) : NaN;
  if (units === units) {
    wouldPay = unitsText(rule.kind === 'deduction' ? -units : units, plan.rounding.scale);
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
  if (kept) return new LazyWithheld(id, period, ctx.p.payee.payeeId, plan.id, rule.id, rule.kind, wouldPay, bareTraces(plan)[rule.index], leanReason, rule, ctx, kept);
  const reason = leanReason(rule, ctx);
  return {
    id, period, payeeId: ctx.p.payee.payeeId, policy: plan.id, line: rule.id, kind: rule.kind,
    reason: reason.text, reasonMessage: reason.message, wouldPay, trace: bareTraces(plan)[rule.index],
  };
}

/** The reason straight from the gate's failed leaves, without building its trace objects. */
function leanReason(rule: CompiledRule, ctx: Ctx): { text: string; message: MessageData } {
  const failed: FailedLeaf[] = [];
  rule.gate!.failed(ctx, failed);
  const message = failedMessage(failed, lapsed(rule, ctx));
  return { text: render(message), message };
}

/** A rule that made no line: why, with the trace of its conditions (and formula, when it came to 0). */
function unpaid(plan: Plan, rule: CompiledRule, ctx: Ctx, id: string, period: string, status: UnpaidItem['status']): UnpaidItem {
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

/** When nobody of the payee's group shares an allocation this month, its total lapses: say so. */
function lapsed(rule: CompiledRule, ctx: Ctx): MessageData | undefined {
  if (rule.amount.type !== 'allocate') return undefined;
  const total = ctx.p.population?.get(ctx.m)?.get(`${rule.id}#lapsed`);
  if (total === undefined) return undefined;
  const by = rule.amount.by;
  return msg('withheld.lapsed', { by: by?.name, group: by && String(by.value(ctx)), total: total.toString() });
}

function flaggedItem(plan: Plan, rule: CompiledRule, ctx: Ctx, id: string, period: string, lineTrace: ReturnType<typeof buildTrace> | undefined): WithheldItem {
  const amount = rule.amount.type === 'each' ? (rule.amount.formula.fn(ctx) as Exact) : Exact.ZERO;
  const where = rule.amount.type === 'each' ? rule.amount.where?.trace(ctx, 'where') : undefined;
  // worded as a withheld gate is: `… is not met`
  const failed = where ? failedLeaves(where) : [];
  const reasonMessage = msg('withheld.flagged', { id: ctx.item!.id, failed });
  return {
    id, period, payeeId: ctx.p.payee.payeeId, policy: plan.id, line: rule.id, kind: rule.kind,
    reason: render(reasonMessage), reasonMessage,
    wouldPay: amount.round(plan.rounding.scale, plan.rounding.mode).toFixed(plan.rounding.scale),
    trace: { ...(lineTrace ?? { rule: rule.id, location: rule.location, values: {} }), conditions: where ? [where] : [] },
  };
}

function located(e: unknown, plan: Plan, rule: CompiledRule, payeeId: string, period: string, state: PayeeState): unknown {
  if (e instanceof DataCellError) {
    // the data is what is wrong: point at its row and column, and name the rule that could not use it
    const { source, line, field } = e.cell;
    return new RatecardError([errorAt({ file: state.files?.[source] ?? source, line, column: 1 }, field,
      msg('evaluate.data-value', { detail: e.text, rule: rule.id, payee: payeeId, period }), 'data-value')]);
  }
  if (e instanceof EvaluationError || e instanceof RangeError) {
    return new RatecardError([errorAt(rule.location, `rules.${rule.id}`,
      msg('evaluate.cannot-settle', { payee: payeeId, period, detail: e instanceof EvaluationError ? e.text : e.message }), 'evaluation')]);
  }
  return e;
}

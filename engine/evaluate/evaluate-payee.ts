// Evaluates every rule for one payee, month by month: frequency, `when`, gate, amount, one
// rounding, ledger. Lines from `emitFrom` on go to the statement with their traces; earlier
// months only feed the ledger (refunds read it) and windows.
import { errorAt, RatecardError } from '../errors.js';
import { Exact, ExactLimitError } from '../exact/exact.js';
import type { CompiledRule, Plan } from '../compile/plan.js';
import { type Ctx, exactUnits, type PayeeState } from '../compile/runtime.js';
import { PayeeMonth } from './payee-month.js';
import { DataCellError, EvaluationError } from '../compile/values.js';
import type { CompiledCondition } from '../compile/compile-condition.js';
import type { FactRow } from '../data/dataset.js';
import { CONDITION_BAIL, type Generated } from '../compile/integer/integer-plan.js';
import type { LineKind, StatementLine, UnpaidItem, WithheldItem } from '../types.js';
import { computeAmount } from './compute-amount.js';
import { buildTrace, explain } from './trace.js';
import { lineExplainers } from './explain-line.js';
import { msg } from '../messages/msg.js';
import { render } from '../messages/render.js';
import type { UnitSums } from './unit-sums.js';
import { planConstants } from './plan-constants.js';
import { flaggedItem, unpaid } from './withheld-items.js';
import type { LineColumns } from './line-columns.js';
import { amountUnits } from './amount-units.js';
import type { ExplanationPool } from './explained-line.js';
import { SettledLine } from './settled-line.js';
import { traceExplanation, type Units } from '../messages/localize.js';

export interface PayeeOutput {
  lines: StatementLine[];
  withheld: WithheldItem[];
  /** Rules that made no line, when asked for (explanations). */
  unpaid?: UnpaidItem[];
  /** Lines as typed columns instead of `lines` (amounts detail only): no line object is made. */
  columns?: LineColumns;
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
  /** Withheld reasons made when first read (see LazyWithheld); the default outside `trace` detail. */
  lazyReasons?: boolean;
  /** `reference`: the closures only, never the generated integer code (for tests). */
  engine?: 'integer' | 'reference';
  /** In `explanation` detail, where lines keep what their sentences are written from when read. */
  explanations?: ExplanationPool;
  /** In `explanation` detail, sentences in 简体中文 with values in these units (the policy's); English without. */
  zhUnits?: Units;
}

/** Appends the payee's lines and withheld items to `out` (new lists when not given) and returns it. */
export function evaluatePayee(plan: Plan, state: PayeeState, months: number[], options: EvaluateOptions, out: PayeeOutput = { lines: [], withheld: [] }): PayeeOutput {
  const { scale, mode } = plan.rounding;
  state.policyId = plan.id;
  const unit = (state.unit = 10 ** scale);
  const constants = planConstants(plan);
  const { bare, inLedger, runs } = constants;
  const integer = options.engine !== 'reference';
  const lean = options.detail === 'amounts', explainers = options.detail === 'explanation' ? lineExplainers(plan, options.zhUnits) : undefined;
  // 简体中文 sentences of traced lines show values in the policy's units
  const zh = options.zhUnits && { units: options.zhUnits };
  const rules = plan.rules;
  // one context per payee, its month moved on: nothing keeps a context past its month
  const ctx: Ctx = { p: state, m: 0 };
  // what each rule makes goes through here, from this loop or from the generated month function
  const sink = new PayeeMonth(plan, state, ctx, options, out, constants);
  const { full, prefix, payeeId, flagged, quarters } = sink;
  // amounts only: the rules generated whole run as one function per month
  const program = lean && integer ? plan.month : undefined;
  for (let mi = 0; mi < months.length; mi++) {
    const m = months[mi];
    // the month's lines: the last month's array again unless an item made later keeps it
    if (state.currentKept || state.current.length !== rules.length) {
      state.current = new Array(rules.length);
      state.currentKept = false;
    } else for (let k = 0; k < rules.length; k++) state.current[k] = undefined;
    state.settled.add(m);
    if ((plan.effective.from !== undefined && m < plan.effective.from) || (plan.effective.to !== undefined && m > plan.effective.to)) continue;
    const emit = m >= options.emitFrom;
    const { period, suffix } = constants.month(m);
    const monthOfYear = m % 12;
    ctx.m = m;
    sink.m = m; sink.emit = emit; sink.period = period; sink.suffix = suffix;
    // the month's facts, read once for every generated part
    const row = state.facts.get(m);
    for (let ri = 0; ri < rules.length; ri++) {
      if (program !== undefined && row !== undefined && program.whole[ri]) {
        // from this rule on, while the generated function has them; it returns the first it left
        if (flagged.length) flagged.length = 0;
        let next;
        sink.ri = ri;
        try {
          next = program.run(ctx, row, sink, monthOfYear, ri);
        } catch (e) {
          throw located(e, plan, rules[sink.ri], payeeId, period, state);
        }
        if (next >= rules.length) break;
        ri = next;
      }
      const rule = rules[ri];
      if (!runs[ri * 12 + monthOfYear]) continue;
      const int = integer ? rule.integer : undefined;
      try {
        if (rule.when && !holds(rule.when, int?.when, ctx, row)) {
          sink.notApplicable(ri);
          continue;
        }
        if (rule.gate && !holds(rule.gate, int?.gate, ctx, row)) {
          sink.withheld(ri);
          continue;
        }
        // the generated amount in integer units, when it has one and stays in bounds: in amounts
        // detail, and in explanation detail by the code that also keeps the values its sentence prints
        if (flagged.length) flagged.length = 0;
        const explainer = explainers?.[rule.index];
        const units = lean && integer ? amountUnits(rule, ctx, flagged, unit, mode, quarters, row)
          : integer && explainer?.units ? explainer.units(ctx) : NaN;
        // (an unpaid line of 0 with an explanation says why it pays nothing, from its trace)
        if (units === units && (lean || units !== 0 || !out.unpaid)) {
          sink.paid(ri, units, explainer);
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
        // in explanation detail a formula's sentence is written from the values, without a trace
        const trace = lean || explainer?.traceless(amount) ? undefined : buildTrace(plan, rule, ctx, result, amount, full);
        if (result.items) for (const item of result.items) {
          if (item.paid) continue;
          if (out.columns) out.columns.withheld.push(out.columns.payeeIndex, m, rule.index, state.transactions.get(m)!.indexOf(item.ctx.item!));
          else out.withheld.push(flaggedItem(constants.planRules[rule.index], item.ctx, `${id}/${item.id}`, period, trace, sink.keep()));
        }
        if (amount.isZero()) {
          // a per-transaction rule with nothing to pay on has nothing to explain
          const nothing = (result.parts && !result.parts.length) || (result.items && !result.items.length);
          const t = out.unpaid && !nothing && !lean ? trace ?? buildTrace(plan, rule, ctx, result, amount, full) : undefined;
          if (explainer && !t) explainer.rendered(ctx);
          if (out.unpaid && t) {
            const f = t.formula;
            const reasonMessage = msg('unpaid.zero', { expression: f && (f.msg?.expression ?? f.expression), substituted: f && (f.msg?.substituted ?? f.substituted) });
            out.unpaid.push({ ...unpaid(plan, rule, ctx, id, period, 'zero'), trace: t, reason: render(reasonMessage), reasonMessage });
          }
          continue;
        }
        // the rounded amount in units when it has them (NaN past 2^53): summed by a JS addition
        const inUnits = exactUnits(amount, unit);
        if (options.unitSums && inUnits === inUnits) options.unitSums.add(constants.kindIndex[rule.index], inUnits);
        else if (options.sums) options.sums[rule.kind] = options.sums[rule.kind].add(amount);
        if (out.columns) { out.columns.pushExact(m, rule.index, amount, unit); continue; }
        const text = amount.toFixed(scale);
        const explanation = explainer?.explain ? explainer.explain(ctx, rule.kind === 'deduction' ? result.exact.neg() : result.exact, text)
          : !trace ? '' : (zh && traceExplanation(trace, 'zh-CN', zh)) ?? explain(trace);
        // outside trace detail, a line's id is made when read
        if (full) out.lines.push({ id, period, payeeId, policy: plan.id, line: rule.id, kind: rule.kind, amount: text, explanation, trace: trace ?? bare[rule.index] });
        else out.lines.push(new SettledLine(period, payeeId, plan.id, rule.id, rule.kind, text, explanation, bare[rule.index]));
      } catch (e) {
        throw located(e, plan, rule, payeeId, period, state);
      }
    }
  }
  return out;
}

/** A condition by its generated code, or by its closure when there is none or it cannot decide. */
function holds(condition: CompiledCondition, generated: Generated | undefined, ctx: Ctx, row: FactRow | undefined): boolean {
  const c = generated ? generated(ctx, NO_FLAGS, row) : CONDITION_BAIL;
  return c === CONDITION_BAIL ? condition.test(ctx) : c === 1;
}

const NO_FLAGS: number[] = [];

function located(e: unknown, plan: Plan, rule: CompiledRule, payeeId: string, period: string, state: PayeeState): unknown {
  if (e instanceof DataCellError) {
    // the data is what is wrong: point at its row and column, and name the rule that could not use it
    const { source, line, field } = e.cell;
    return new RatecardError([errorAt({ file: state.files?.[source] ?? source, line, column: 1 }, field,
      msg('evaluate.data-value', { detail: e.text, rule: rule.id, payee: payeeId, period }), 'data-value')]);
  }
  if (e instanceof EvaluationError || e instanceof RangeError) {
    return new RatecardError([errorAt(rule.location, `rules.${rule.id}`,
      msg('evaluate.cannot-settle', { payee: payeeId, period, detail: e instanceof EvaluationError || e instanceof ExactLimitError ? e.text : e.message }), 'evaluation')]);
  }
  return e;
}

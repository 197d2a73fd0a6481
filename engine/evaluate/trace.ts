// Why a line is what it is: the values the rule read, each condition with the value it saw,
// the formula with numbers, the tier reached, the deductions a refund returns.
import type { Exact } from '../exact/exact.js';
import { describeRounding, type CompiledRule, type Plan } from '../compile/plan.js';
import type { Ctx } from '../compile/runtime.js';
import { formatValue } from '../compile/values.js';
import type { ConditionTrace, FormulaTrace, LineTrace, MessageData } from '../types.js';
import { type FailedLeaf, withoutResult } from '../compile/compile-condition.js';
import type { Lang, Text } from '../messages/message.js';
import { msg } from '../messages/msg.js';
import { render, renderText } from '../messages/render.js';
import { type AmountResult, refundComponent } from './compute-amount.js';

function conditionTraces(rule: CompiledRule, ctx: Ctx): ConditionTrace[] {
  const conditions: ConditionTrace[] = [];
  if (rule.when) conditions.push(rule.when.trace(ctx, 'when'));
  if (rule.gate) conditions.push(rule.gate.trace(ctx, 'gate'));
  return conditions;
}

/**
 * The trace of a line. Only a `full` trace has `values` (every name the rule read) and each
 * transaction's own conditions and formula: explanations print neither.
 */
export function buildTrace(plan: Plan, rule: CompiledRule, ctx: Ctx, result: AmountResult | undefined, amount: Exact | undefined, full = true): LineTrace {
  const values: Record<string, string> = {};
  if (full) for (const name of rule.names) values[name] = formatValue(plan.valueOf(name, ctx));
  const conditions = conditionTraces(rule, ctx);
  const trace: LineTrace = { rule: rule.id, description: rule.description, location: rule.location, values, conditions };
  if (!result) return trace;
  result = rule.kind === 'deduction' ? { ...result, exact: result.exact.neg() } : result;
  const rounding = roundingText(plan);
  const sign = (s: string) => (rule.kind === 'deduction' ? `-(${s})` : s);
  const signed = (m: MessageData) => (rule.kind === 'deduction' ? msg('formula.negated', { inner: m }) : m);
  const rounded = amount?.toFixed(plan.rounding.scale) ?? '';
  const a = rule.amount;
  switch (a.type) {
    case 'formula':
      trace.formula = formulaTrace(sign(a.formula.text), sign(a.formula.render(ctx)), result.exact, rounded, rounding);
      break;
    case 'tier': {
      const reached = result.tier?.reached;
      trace.tier = {
        value: result.tier!.value.toString(),
        reached: reached && Object.fromEntries(Object.entries(reached).map(([k, v]) => [k, v.toString()])),
      };
      const how = a.mode === 'marginal'
        ? msg('formula.tier-marginal', { table: a.tableName, value: a.value.text })
        : a.pay ? msg('formula.tier-pay', { table: a.tableName, value: a.value.text, pay: a.pay }) : msg('formula.tier-rate', { table: a.tableName, value: a.value.text, rate: a.rate!, base: a.base!.text });
      const numbers = a.mode === 'marginal'
        ? msg('formula.bands', { table: a.tableName, value: a.value.render(ctx) })
        : reached ? msg('formula.tier-reached', { min: reached.min.toString(), value: a.value.render(ctx) }) : msg('formula.below-lowest', { value: a.value.render(ctx) });
      trace.formula = wordedTrace(signed(how), numbers, result.exact, rounded, roundingOf(plan));
      break;
    }
    case 'refund':
      trace.refunds = result.refunds?.map((r) => refundComponent(r, ctx));
      trace.formula = wordedTrace(
        msg('formula.refund', { of: a.of, schedule: a.scheduleName }),
        msg('formula.refund-parts', { parts: (result.refunds ?? []).map((r) => `${r.share} × ${r.deducted} (${r.source}) → ${r.amount}`) }),
        result.exact, rounded, roundingOf(plan));
      break;
    case 'allocate': {
      const al = result.allocation!;
      const exact = al.total.mul(al.weight).div(al.weights);
      trace.allocation = { total: al.total.toString(), weights: al.weights.toString(), weight: al.weight.toString() };
      trace.formula = wordedTrace(
        signed(msg('formula.allocate', { total: a.total.text, weight: a.weight.text, by: a.by?.name, group: a.by && String(a.by.value(ctx)) })),
        sign(`${al.total} × ${al.weight} / ${al.weights}`),
        rule.kind === 'deduction' ? exact.neg() : exact, rounded, LARGEST_REMAINDER);
      break;
    }
    case 'instalments': case 'clawback': {
      const parts = result.parts ?? [];
      const scale = plan.rounding.scale;
      trace.parts = parts.map((p) => ({ transaction: p.id, part: p.part, parts: p.parts, amount: p.amount.toFixed(scale) }));
      const what = a.type === 'instalments' ? msg('formula.instalments', { total: a.total.text, parts: a.parts.text }) : msg('formula.clawback', { rule: a.ofRule, events: [...a.event.names] });
      trace.formula = wordedTrace(
        signed(what),
        signed(msg('formula.parts', { parts: parts.map((p) => msg('formula.part', { amount: p.amount.toFixed(scale), id: p.id, part: p.part, parts: p.parts })) })),
        result.exact, rounded, EACH_PART);
      break;
    }
    case 'each':
      trace.items = (result.items ?? []).map((item) => ({
        id: item.id,
        paid: item.paid,
        amount: item.amount.toString(),
        reason: item.paid ? undefined : ITEM_UNPAID_TEXT,
        conditions: a.where && full ? [a.where.trace(item.ctx, 'where')] : [],
        formula: item.paid && full ? wordedTrace(a.formula.text, a.formula.render(item.ctx), a.formula.fn(item.ctx) as Exact, item.amount.toString(), a.roundEach ? roundingOf(plan) : SUMMED) : undefined,
      }));
      trace.formula = wordedTrace(
        msg('formula.each', { formula: a.formula.text, each: a.roundEach }),
        msg('formula.paid-items', { amounts: (result.items ?? []).filter((i) => i.paid).map((i) => i.amount.toString()) }),
        result.exact, rounded, roundingOf(plan));
      break;
  }
  return trace;
}

function formulaTrace(expression: string, substituted: string, exact: Exact, rounded: string, rounding: string, words?: FormulaTrace['msg']): FormulaTrace {
  return words ? { expression, substituted, exact: exact.toString(), rounded, rounding, msg: words } : { expression, substituted, exact: exact.toString(), rounded, rounding };
}

/** A formula trace whose parts have words: each given as a message, kept beside its English text. */
function wordedTrace(expression: Text, substituted: Text, exact: Exact, rounded: string, rounding: MessageData): FormulaTrace {
  const m: NonNullable<FormulaTrace['msg']> = { rounding };
  if (typeof expression !== 'string') m.expression = expression;
  if (typeof substituted !== 'string') m.substituted = substituted;
  return formulaTrace(renderText(expression), renderText(substituted), exact, rounded, render(rounding), m);
}

const LARGEST_REMAINDER = msg('rounding.largest-remainder');
const EACH_PART = msg('rounding.parts');
const SUMMED = msg('rounding.summed');
const ITEM_UNPAID_TEXT = render(msg('trace.item-unpaid'));

// the rounding of a plan as text (`half-up to 2 places`), written once per plan
const roundingTexts = new WeakMap<Plan, string>();
function roundingText(plan: Plan): string {
  let t = roundingTexts.get(plan);
  if (t === undefined) roundingTexts.set(plan, (t = describeRounding(plan.rounding)));
  return t;
}

// the rounding of a plan as a message, made once per plan (a plain formula's trace carries only its text: `roundingMessage` reads it)
const roundingOfPlan = new WeakMap<Plan, MessageData>();
function roundingOf(plan: Plan): MessageData {
  let m = roundingOfPlan.get(plan);
  if (!m) roundingOfPlan.set(plan, (m = msg('rounding.mode', { mode: plan.rounding.mode, scale: plan.rounding.scale })));
  return m;
}


/** The steps of a condition that held (or failed, with `held` false), as messages without their result. */
function leaves(t: ConditionTrace, held: boolean, out: MessageData[] = []): MessageData[] {
  if (t.children) for (const c of t.children) leaves(c, held, out);
  else if (t.operator !== 'skipped' && t.result === held) out.push(withoutResult(t));
  return out;
}

/** The explanation of a line as a message: the formula with numbers, the conditions that held, flagged transactions. */
export function explanationMessage(trace: LineTrace): MessageData {
  const f = trace.formula;
  const held: MessageData[] = [];
  for (const c of trace.conditions) leaves(c, true, held);
  const flagged = (trace.items ?? []).filter((i) => !i.paid).map((i) => i.id);
  return msg('explain.line', {
    rule: trace.rule, held, flagged,
    ...(f && { expression: f.msg?.expression ?? f.expression, substituted: f.msg?.substituted ?? f.substituted, exact: f.exact, rounded: f.rounded }),
  });
}

const HELD = ' → true';

function heldTexts(t: ConditionTrace, out: string[]): string[] {
  if (t.children) for (const c of t.children) heldTexts(c, out);
  // a step that held, without its ` → true` (a slice, not a regex: every line has a few)
  else if (t.operator !== 'skipped' && t.result) out.push(t.text.endsWith(HELD) ? t.text.slice(0, -HELD.length) : t.text);
  return out;
}

/**
 * One readable sentence for the CSV column, in `lang`. English is written straight from the
 * trace's texts (every line of a statement has one); it is the sentence `explanationMessage`
 * renders in English, as test/engine/messages checks on every scenario.
 */
export function explain(trace: LineTrace, lang: Lang = 'en'): string {
  if (lang !== 'en') return render(explanationMessage(trace), lang);
  const f = trace.formula;
  const formula = f ? `${trace.rule} = ${f.expression} = ${f.substituted} = ${f.exact}${f.exact !== f.rounded ? ` → ${f.rounded}` : ''}` : trace.rule;
  const held: string[] = [];
  for (const c of trace.conditions) heldTexts(c, held);
  const flagged = (trace.items ?? []).filter((i) => !i.paid).map((i) => i.id);
  return [
    formula,
    held.length ? `because ${held.join(', ')}` : '',
    flagged.length ? `flagged: ${flagged.join(', ')}` : '',
  ].filter(Boolean).join('; ');
}

/** Why a gate withheld a line, from its trace: each failed step `… is not met`. */
export function withheldMessage(conditions: ConditionTrace[], lapsed?: MessageData): MessageData {
  const gate = conditions.find((c) => c.path === 'gate');
  return msg('withheld.reason', { failed: gate ? failedLeaves(gate) : [], lapsed });
}

/** The same message as `withheldMessage`, from a gate's failed leaves (`CompiledCondition.failed`). */
export function failedMessage(failed: FailedLeaf[], lapsed?: MessageData): MessageData {
  return msg('withheld.reason', { failed: failed.map((f) => msg('trace.not-met', { condition: f() })), lapsed });
}

/** The leaves (and negations) that made a condition fail, each `… is not met`. */
export function failedLeaves(t: ConditionTrace, out: MessageData[] = []): MessageData[] {
  if (t.operator === 'not') {
    // a `not` fails when what it negates holds: that is the reason
    if (!t.result) out.push(msg('trace.not-met', { condition: msg('trace.not', { name: t.name, inner: withoutResult(t.children![0]) }) }));
    return out;
  }
  if (!t.children) {
    if (!t.result) out.push(msg('trace.not-met', { condition: withoutResult(t) }));
    return out;
  }
  // for `any`, every branch failed; for `all`, the first failing one decided
  for (const c of t.children) if (c.operator !== 'skipped' && !c.result) failedLeaves(c, out);
  return out;
}

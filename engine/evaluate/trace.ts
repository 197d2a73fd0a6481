// Why a line is what it is: the values the rule read, each condition with the value it saw,
// the formula with numbers, the tier reached, the deductions a refund returns.
import type { Exact } from '../exact/exact.js';
import { describeRounding, type CompiledRule, type Plan } from '../compile/plan.js';
import type { Ctx } from '../compile/runtime.js';
import { formatValue } from '../compile/values.js';
import type { ConditionTrace, FormulaTrace, LineTrace } from '../types.js';
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
  const rounding = describeRounding(plan.rounding);
  const sign = (s: string) => (rule.kind === 'deduction' ? `-(${s})` : s);
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
        ? `marginal bands of ${a.tableName} over ${a.value.text}`
        : a.pay ? `${a.tableName}[highest min ≤ ${a.value.text}].${a.pay}` : `${a.tableName}[highest min ≤ ${a.value.text}].${a.rate} * ${a.base!.text}`;
      const numbers = a.mode === 'marginal'
        ? `bands of ${a.tableName} over ${a.value.render(ctx)}`
        : reached ? `tier min ${reached.min} reached by ${a.value.render(ctx)}` : `${a.value.render(ctx)} is below the lowest tier`;
      trace.formula = formulaTrace(sign(how), numbers, result.exact, rounded, rounding);
      break;
    }
    case 'refund':
      trace.refunds = result.refunds?.map((r) => refundComponent(r, ctx));
      trace.formula = formulaTrace(
        `Σ share × deductions of ${a.of} per source quarter (${a.scheduleName}), each quarter rounded once`,
        (result.refunds ?? []).map((r) => `${r.share} × ${r.deducted} (${r.source}) → ${r.amount}`).join(' + ') || 'no quarter to return',
        result.exact, rounded, rounding);
      break;
    case 'allocate': {
      const al = result.allocation!;
      const exact = al.total.mul(al.weight).div(al.weights);
      trace.allocation = { total: al.total.toString(), weights: al.weights.toString(), weight: al.weight.toString() };
      const group = a.by ? ` of the ${a.by.name} \`${String(a.by.value(ctx))}\`` : '';
      trace.formula = formulaTrace(
        sign(`${a.total.text} × ${a.weight.text} / Σ ${a.weight.text}${group}, largest remainder`),
        sign(`${al.total} × ${al.weight} / ${al.weights}`),
        rule.kind === 'deduction' ? exact.neg() : exact, rounded, 'shares rounded down, the cents left over to the largest remainders (ties by payee id)');
      break;
    }
    case 'instalments': case 'clawback': {
      const parts = result.parts ?? [];
      const scale = plan.rounding.scale;
      trace.parts = parts.map((p) => ({ transaction: p.id, part: p.part, parts: p.parts, amount: p.amount.toFixed(scale) }));
      const what = a.type === 'instalments' ? `parts of ${a.total.text} in ${a.parts.text} instalments due this month` : `parts of \`${a.ofRule}\` paid on transactions whose ${a.event.names.size ? [...a.event.names].join(', ') : 'event'} is this month`;
      trace.formula = formulaTrace(
        sign(`Σ ${what}`),
        sign(parts.map((p) => `${p.amount.toFixed(scale)} (${p.id} part ${p.part}/${p.parts})`).join(' + ') || 'no part'),
        result.exact, rounded, 'each part already at the rounding scale');
      break;
    }
    case 'each':
      trace.items = (result.items ?? []).map((item) => ({
        id: item.id,
        paid: item.paid,
        amount: item.amount.toString(),
        reason: item.paid ? undefined : 'did not meet the condition',
        conditions: a.where && full ? [a.where.trace(item.ctx, 'where')] : [],
        formula: item.paid && full ? formulaTrace(a.formula.text, a.formula.render(item.ctx), a.formula.fn(item.ctx) as Exact, item.amount.toString(), a.roundEach ? rounding : 'summed, then rounded') : undefined,
      }));
      trace.formula = formulaTrace(
        `Σ over transactions of ${a.formula.text}${a.roundEach ? ', each rounded' : ''}`,
        (result.items ?? []).filter((i) => i.paid).map((i) => i.amount.toString()).join(' + ') || 'no paid transaction',
        result.exact, rounded, rounding);
      break;
  }
  return trace;
}

function formulaTrace(expression: string, substituted: string, exact: Exact, rounded: string, rounding: string): FormulaTrace {
  return { expression, substituted, exact: exact.toString(), rounded, rounding };
}

const ARROW = / → (true|false)$/;

function leaves(t: ConditionTrace, held: boolean, out: string[] = []): string[] {
  if (t.children) for (const c of t.children) leaves(c, held, out);
  else if (t.operator !== 'skipped' && t.result === held) out.push(t.text.replace(ARROW, ''));
  return out;
}

/** One readable sentence for the CSV column. */
export function explain(trace: LineTrace): string {
  const f = trace.formula;
  const formula = f ? `${trace.rule} = ${f.expression} = ${f.substituted} = ${f.exact}${f.exact !== f.rounded ? ` → ${f.rounded}` : ''}` : trace.rule;
  const held: string[] = [];
  for (const c of trace.conditions) leaves(c, true, held);
  const flagged = (trace.items ?? []).filter((i) => !i.paid).map((i) => i.id);
  return [
    formula,
    held.length ? `because ${held.join(', ')}` : '',
    flagged.length ? `flagged: ${flagged.join(', ')}` : '',
  ].filter(Boolean).join('; ');
}

export function withheldReason(conditions: ConditionTrace[]): string {
  const gate = conditions.find((c) => c.path === 'gate');
  const failed = gate ? failedLeaves(gate) : [];
  return `withheld: ${failed.join('; ') || 'gate not met'}`;
}

/** The same sentence as `withheldReason`, from a gate's failed leaves (`CompiledCondition.failed`). */
export function failedReason(failed: (() => string)[]): string {
  return `withheld: ${failed.map((f) => `${f()} is not met`).join('; ') || 'gate not met'}`;
}

const FALSE = ' → false';

/** The leaves (and negations) that made a condition fail, each `… is not met`. */
export function failedLeaves(t: ConditionTrace, out: string[] = []): string[] {
  if (t.operator === 'not') {
    // a `not` fails when what it negates holds: that is the reason
    if (!t.result) out.push(`${t.name ? `${t.name}: ` : ''}not (${t.children![0].text.replace(/ → (true|false)$/, '')}) is not met`);
    return out;
  }
  if (!t.children) {
    if (!t.result) out.push(`${t.text.endsWith(FALSE) ? t.text.slice(0, -FALSE.length) : t.text} is not met`);
    return out;
  }
  // for `any`, every branch failed; for `all`, the first failing one decided
  for (const c of t.children) if (c.operator !== 'skipped' && !c.result) failedLeaves(c, out);
  return out;
}

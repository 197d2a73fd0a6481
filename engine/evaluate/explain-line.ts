// The explanation of a line written straight from the values the rule saw, without building its
// trace: the sentence `explain(buildTrace(…))` gives, byte for byte (test/engine/evaluate/
// explain-line.test.ts). What does not depend on the payee (the rule's name, its formula as
// written, the sign of a deduction) is joined once per rule; a line adds the formula with its
// numbers, the exact and rounded amounts and the steps of its conditions that held. Where the
// rule has generated code for it (explain-integers.ts), the line is computed by that code once
// and its sentence written from the integers it kept; else from the closures' exact values.
import type { Exact } from '../exact/exact.js';
import type { CompiledRule, Formula, Plan } from '../compile/plan.js';
import type { Ctx } from '../compile/runtime.js';
import { fillTemplate, formulaTemplate } from './formula-template.js';
import { type IntegerExplainer, integerExplainer } from './explain-integers.js';
import { refundUnits } from './refund-units.js';
import type { PooledExplainer } from './explained-line.js';
import type { Units } from '../messages/localize.js';

export interface LineExplainer {
  /**
   * The explanation of one line: its context, its exact amount and its rounded amount's text,
   * both signed as the line; absent when the line's trace writes it (a refund, instalments).
   */
  explain?: (ctx: Ctx, exact: Exact, rounded: string) => string;
  /**
   * The line's rounded amount in units of the policy's scale (before a deduction's sign) by
   * generated code that keeps the values the explanation prints, or 0 for a refund that returns
   * nothing (no line, nothing to explain); else NaN (the closures compute it); absent where the
   * rule has neither.
   */
  units?: (ctx: Ctx) => number;
  /** The explanation of the line `units` just computed, written now (where `pooled` is absent): the values it kept, the steps from the closures; `rounded` as `explain`'s. */
  fromUnits?: (ctx: Ctx, rounded: string) => string;
  /**
   * Where the sentence of a line `units` computed is all in the values it kept (the steps that
   * held included): those values kept in a pool and the sentence written when read.
   */
  pooled?: PooledExplainer;
  /** Whether a line of this amount goes without a trace (a line paying nothing has no explanation). */
  traceless: (amount: Exact) => boolean;
  /**
   * What a line without a trace still renders, as its trace did: rendering can fail where
   * computing did not (both branches of an `if`).
   */
  rendered: (ctx: Ctx) => void;
}

// a line that pays nothing needs no trace where making one renders nothing that could fail
const NOTHING_RENDERED: LineExplainer = { traceless: (amount) => amount.isZero(), rendered: () => {} };
const TRACELESS = () => true;

const HELD: string[] = [];

const ofPlan = new WeakMap<Plan, (LineExplainer | undefined)[]>();
const ofPlanZh = new WeakMap<Plan, (LineExplainer | undefined)[]>();

/**
 * Each rule's explainer by rule index; undefined where every line is explained from its trace.
 * With the policy's `units`, in 简体中文: a formula line's sentence is written from integers
 * where every step that held is recorded, else from its trace (rendered as `localizeStatement` does).
 */
export function lineExplainers(plan: Plan, units?: Units): (LineExplainer | undefined)[] {
  const cache = units ? ofPlanZh : ofPlan;
  let e = cache.get(plan);
  if (!e) cache.set(plan, (e = plan.rules.map((r) => {
    const t = r.amount.type;
    return t === 'formula' ? (units ? zhFormulaExplainer(plan, r, units) : formulaExplainer(plan, r))
      : t === 'refund' ? refundExplainer(plan, r) : t === 'instalments' || t === 'clawback' ? NOTHING_RENDERED : undefined;
  })));
  return e;
}

/** A refund: most checkpoints return nothing, found in integer units (refund-units.ts) without its parts' texts. */
function refundExplainer(plan: Plan, rule: CompiledRule): LineExplainer {
  const a = rule.amount;
  if (a.type !== 'refund') return NOTHING_RENDERED;
  const { scale, mode } = plan.rounding;
  const unit = 10 ** scale, quarters: number[] = [];
  return { ...NOTHING_RENDERED, units: (ctx) => (refundUnits(a.of, a.schedule, ctx, rule.id, unit, mode, quarters) === 0 ? 0 : NaN) };
}

/** `rule = formula = numbers = exact → rounded; because …`, as `explain` writes a formula's trace. */
function formulaExplainer(plan: Plan, rule: CompiledRule): LineExplainer | undefined {
  const a = rule.amount;
  if (a.type !== 'formula') return undefined;
  const { template, render, head, close } = formulaParts(plan, rule, a.formula);
  const { when, gate } = rule;
  /**
   * The sentence written now: the rule's text, the line's own (its formula with numbers and
   * amounts), then the steps that held, from the conditions' closures.
   */
  const sentence = (ctx: Ctx, line: string) => {
    let text = head + line;
    if (when || gate) {
      // the steps that held, in one list shared by every line (emptied first: a step may have thrown)
      HELD.length = 0;
      if (when) when.held(ctx, HELD);
      if (gate) gate.held(ctx, HELD);
      for (let i = 0; i < HELD.length; i++) text += (i ? ', ' : '; because ') + HELD[i];
      HELD.length = 0;
    }
    return flat(text);
  };
  const explain = (ctx: Ctx, exact: Exact, rounded: string) => {
    const exactText = exact.toString();
    return sentence(ctx, render(ctx) + close + exactText + (exactText !== rounded ? ' → ' + rounded : ''));
  };
  const base: LineExplainer = { explain, traceless: TRACELESS, rendered: template ? () => {} : (ctx) => void render(ctx) };
  const fast = template && integerExplainer(plan, rule, template);
  if (!fast) return base;
  // written when read where the code records every step that held; else now, the steps from the closures
  if (pooledWhole(rule, fast)) return { ...base, units: fast.units, pooled: pooledExplainer(fast, head, close) };
  return { ...base, units: fast.units, fromUnits: (ctx, rounded) => sentence(ctx, fast.numbers(fast.out, 0) + fast.amounts(close, rounded, fast.out, 0)) };
}

/** A formula's template (or renderer) and the text of its sentences before and after its numbers. */
function formulaParts(plan: Plan, rule: CompiledRule, formula: Formula) {
  const negated = rule.kind === 'deduction';
  // the formula with its numbers from a template compiled once, else from its renderer
  const template = formulaTemplate(plan, formula);
  const render = template ? (ctx: Ctx) => fillTemplate(template, plan, ctx) : formula.render;
  const head = `${rule.id} = ${negated ? `-(${formula.text})` : formula.text} = ${negated ? '-(' : ''}`;
  return { template, render, head, close: negated ? ') = ' : ' = ' };
}

/**
 * In 简体中文: written from integers (and when read) where the generated code records every step
 * that held; any other line of the rule keeps a trace, its sentence rendered from it.
 */
function zhFormulaExplainer(plan: Plan, rule: CompiledRule, units: Units): LineExplainer | undefined {
  const a = rule.amount;
  if (a.type !== 'formula') return undefined;
  const { template, render, head, close } = formulaParts(plan, rule, a.formula);
  const fromTrace: LineExplainer = { traceless: (amount) => amount.isZero(), rendered: template ? () => {} : (ctx) => void render(ctx) };
  const fast = template && integerExplainer(plan, rule, template, units);
  if (!fast || !pooledWhole(rule, fast)) return fromTrace;
  return { ...fromTrace, units: fast.units, pooled: pooledExplainer(fast, head, close) };
}

/** Whether the values the code keeps hold a whole sentence: every step that held recorded, or no condition. */
const pooledWhole = (rule: CompiledRule, fast: IntegerExplainer) => !!fast.steps || !(rule.when || rule.gate);

/** A sentence written later from the values a line kept in the run's pool. */
function pooledExplainer(fast: IntegerExplainer, head: string, close: string): PooledExplainer {
  const { out, numbers, amounts, steps } = fast;
  return {
    keep: (pool) => {
      const at = pool.reserve(out.length), values = pool.values;
      for (let i = 0; i < out.length; i++) values[at + i] = out[i];
      return at;
    },
    write: (values, at, rounded) => flat(head + numbers(values, at) + amounts(close, rounded, values, at) + (steps ? steps(values, at) : '')),
  };
}

/**
 * A sentence joined by `+` is a tree of its pieces until read; reading a character copies it
 * into one flat string, once, here — as joining an array of parts did, at half its cost — so
 * whoever reads the explanation reads flat text.
 */
function flat(text: string): string {
  // kept, so that no compiler drops the read as unused
  read ^= text.charCodeAt(0);
  return text;
}
let read = 0;


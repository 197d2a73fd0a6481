// The explanation of a line written straight from the values the rule saw, without building its
// trace: the sentence `explain(buildTrace(…))` gives, byte for byte (test/engine/evaluate/
// explain-line.test.ts). What does not depend on the payee (the rule's name, its formula as
// written, the sign of a deduction) is joined once per rule; a line adds the formula with its
// numbers, the exact and rounded amounts and the steps of its conditions that held.
import type { Exact } from '../exact/exact.js';
import type { CompiledRule, Plan } from '../compile/plan.js';
import type { Ctx } from '../compile/runtime.js';
import { fillTemplate, formulaTemplate } from './formula-template.js';
import { integerExplainer } from './explain-integers.js';

export interface LineExplainer {
  /**
   * The explanation of one line: its context, its exact amount and its rounded amount's text,
   * both signed as the line; absent when the line's trace writes it (a refund, instalments).
   */
  explain?: (ctx: Ctx, exact: Exact, rounded: string) => string;
  /**
   * The line's rounded amount in units of the policy's scale (before a deduction's sign) by
   * generated code that keeps the values the explanation prints, or NaN (the closures compute
   * it); absent where the rule has no such code.
   */
  units?: (ctx: Ctx) => number;
  /** The explanation of the line `units` just computed, from the values it kept; `rounded` as `explain`'s. */
  fromUnits?: (ctx: Ctx, rounded: string) => string;
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

/** Each rule's explainer by rule index; undefined where every line is explained from its trace. */
export function lineExplainers(plan: Plan): (LineExplainer | undefined)[] {
  let e = ofPlan.get(plan);
  if (!e) ofPlan.set(plan, (e = plan.rules.map((r) => {
    const t = r.amount.type;
    return t === 'formula' ? formulaExplainer(plan, r) : t === 'refund' || t === 'instalments' || t === 'clawback' ? NOTHING_RENDERED : undefined;
  })));
  return e;
}

/** `rule = formula = numbers = exact → rounded; because …`, as `explain` writes a formula's trace. */
function formulaExplainer(plan: Plan, rule: CompiledRule): LineExplainer | undefined {
  const a = rule.amount;
  if (a.type !== 'formula') return undefined;
  const negated = rule.kind === 'deduction';
  // the formula with its numbers from a template compiled once, else from its renderer
  const template = formulaTemplate(plan, a.formula);
  const render = template ? (ctx: Ctx) => fillTemplate(template, plan, ctx) : a.formula.render;
  const head = `${rule.id} = ${negated ? `-(${a.formula.text})` : a.formula.text} = ${negated ? '-(' : ''}`;
  const close = negated ? ') = ' : ' = ';
  const { when, gate } = rule;
  /**
   * The sentence from its parts (`numbers` adds the formula with its numbers): the amounts, then
   * the steps that held, from `steps` when given, else from the conditions' closures.
   */
  const finish = (ctx: Ctx, numbers: (parts: string[]) => void, exactText: string, rounded: string, steps?: (parts: string[]) => void) => {
    PARTS.length = 0;
    PARTS.push(head);
    numbers(PARTS);
    PARTS.push(close, exactText);
    if (exactText !== rounded) PARTS.push(' → ', rounded);
    if (steps) steps(PARTS);
    else if (when || gate) {
      // the steps that held, in one list shared by every line (emptied first: a step may have thrown)
      HELD.length = 0;
      if (when) when.held(ctx, HELD);
      if (gate) gate.held(ctx, HELD);
      for (let i = 0; i < HELD.length; i++) PARTS.push(i ? ', ' : '; because ', HELD[i]);
      HELD.length = 0;
    }
    return joined(PARTS);
  };
  const explain = (ctx: Ctx, exact: Exact, rounded: string) => finish(ctx, (parts) => parts.push(render(ctx)), exact.toString(), rounded);
  const fast = template && integerExplainer(plan, rule, template);
  return {
    explain, traceless: TRACELESS, rendered: template ? () => {} : (ctx) => void render(ctx),
    ...(fast && { units: fast.units, fromUnits: (ctx: Ctx, rounded: string) => finish(ctx, fast.numbers, fast.exactText(), rounded, fast.steps) }),
  };
}

const PARTS: string[] = [];

/**
 * The parts as one flat string, `parts` emptied. A statement keeps every line's explanation:
 * joined by `+`, a string is held as a tree of its parts (V8's cons strings) that each young
 * collection copies, or flattened by a second copy; `join` measures the parts and copies them
 * once into one string (about twice as fast as `+` then flattening for a 200-character sentence).
 */
export function joined(parts: string[]): string {
  const text = parts.join('');
  parts.length = 0;
  return text;
}

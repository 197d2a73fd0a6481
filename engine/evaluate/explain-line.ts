// The explanation of a line written straight from the values the rule saw, without building its
// trace: the sentence `explain(buildTrace(…))` gives, byte for byte (test/engine/evaluate/
// explain-line.test.ts). What does not depend on the payee (the rule's name, its formula as
// written, the sign of a deduction) is joined once per rule; a line adds the formula with its
// numbers, the exact and rounded amounts and the steps of its conditions that held.
import type { Exact } from '../exact/exact.js';
import type { CompiledRule, Plan } from '../compile/plan.js';
import type { Ctx } from '../compile/runtime.js';

export interface LineExplainer {
  /** The explanation of one line: its context, its exact amount and its rounded amount's text, both signed as the line. */
  explain: (ctx: Ctx, exact: Exact, rounded: string) => string;
  /**
   * What a line that pays nothing (and so has no explanation) still renders, as its trace was
   * made before: rendering can fail where computing did not (both branches of an `if`).
   */
  rendered: (ctx: Ctx) => void;
}

const HELD: string[] = [];

const ofPlan = new WeakMap<Plan, (LineExplainer | undefined)[]>();

/** Each rule's explainer by rule index; undefined where the explanation is made from a trace (amounts other than a formula). */
export function lineExplainers(plan: Plan): (LineExplainer | undefined)[] {
  let e = ofPlan.get(plan);
  if (!e) ofPlan.set(plan, (e = plan.rules.map(formulaExplainer)));
  return e;
}

/** `rule = formula = numbers = exact → rounded; because …`, as `explain` writes a formula's trace. */
function formulaExplainer(rule: CompiledRule): LineExplainer | undefined {
  const a = rule.amount;
  if (a.type !== 'formula') return undefined;
  const negated = rule.kind === 'deduction';
  const render = a.formula.render;
  const head = `${rule.id} = ${negated ? `-(${a.formula.text})` : a.formula.text} = ${negated ? '-(' : ''}`;
  const close = negated ? ') = ' : ' = ';
  const { when, gate } = rule;
  const explain = (ctx: Ctx, exact: Exact, rounded: string) => {
    const exactText = exact.toString();
    let text = head + render(ctx) + close + exactText;
    if (exactText !== rounded) text += ' → ' + rounded;
    if (!when && !gate) return text;
    // the steps that held, in one list shared by every line (emptied first: a step may have thrown)
    HELD.length = 0;
    if (when) when.held(ctx, HELD);
    if (gate) gate.held(ctx, HELD);
    if (!HELD.length) return text;
    text += '; because ' + HELD[0];
    for (let i = 1; i < HELD.length; i++) text += ', ' + HELD[i];
    HELD.length = 0;
    return text;
  };
  return { explain, rendered: (ctx) => void render(ctx) };
}

// The explanation of a line written straight from the values the rule saw, without building its
// trace: the sentence `explain(buildTrace(…))` gives, byte for byte (test/engine/evaluate/
// explain-line.test.ts). What does not depend on the payee (the rule's name, its formula as
// written, the sign of a deduction) is joined once per rule; a line adds the formula with its
// numbers, the exact and rounded amounts and the steps of its conditions that held.
import type { Exact } from '../exact/exact.js';
import type { CompiledRule, Plan } from '../compile/plan.js';
import type { Ctx } from '../compile/runtime.js';
import { fillTemplate, formulaTemplate } from './formula-template.js';

export interface LineExplainer {
  /**
   * The explanation of one line: its context, its exact amount and its rounded amount's text,
   * both signed as the line; absent when the line's trace writes it (a refund, instalments).
   */
  explain?: (ctx: Ctx, exact: Exact, rounded: string) => string;
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
  const explain = (ctx: Ctx, exact: Exact, rounded: string) => {
    const exactText = exact.toString();
    let text = head + render(ctx) + close + exactText;
    if (exactText !== rounded) text += ' → ' + rounded;
    if (!when && !gate) return flat(text);
    // the steps that held, in one list shared by every line (emptied first: a step may have thrown)
    HELD.length = 0;
    if (when) when.held(ctx, HELD);
    if (gate) gate.held(ctx, HELD);
    if (!HELD.length) return flat(text);
    text += '; because ' + HELD[0];
    for (let i = 1; i < HELD.length; i++) text += ', ' + HELD[i];
    HELD.length = 0;
    return flat(text);
  };
  return { explain, traceless: TRACELESS, rendered: template ? () => {} : (ctx) => void render(ctx) };
}

/**
 * The text as one flat string. Joined strings are held as a tree of their parts (V8's cons
 * strings), and a statement keeps every line's explanation: a tree of 10–20 small objects each,
 * which every young-generation collection copies one by one (rural with explanations spent
 * over 40 % of its time collecting). Reading it as a number flattens it into one string and
 * lets the parts die young (+35–45 % payee-months per CPU-second, bench/ratio-rural.js); the
 * number itself (NaN: an explanation starts with a rule id) is not used.
 */
export function flat(text: string): string {
  void Number(text);
  return text;
}

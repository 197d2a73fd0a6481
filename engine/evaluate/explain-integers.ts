// A formula line's explanation from the integers its generated explain code keeps
// (compile/integer/generate-explain.ts): the line is computed once, by that code, and the
// sentence's numbers are written from numerators and denominators, not from exact rationals
// computed again. The steps of its conditions that held come from the same code when each
// step is a comparison of two numbers or two booleans (explain-line.ts uses the conditions'
// closures otherwise). In 简体中文 (with the policy's units) the same sentence is written as
// `localizeStatement` renders a traced line: the rounded amount in yuan, each step with the
// catalogue's words and its values in their units.
import type { CompiledRule, Plan } from '../compile/plan.js';
import type { Ctx } from '../compile/runtime.js';
import type { HeldShape } from '../compile/condition/compiled-condition.js';
import { generateExplain, type HeldLeaf, type HeldRecords, valueSlot } from '../compile/integer/generate-explain.js';
import type { FormulaTemplate } from './formula-template.js';
import { ratioString, writesAsRounded } from './explain-number.js';
import { yuan } from '../messages/format.js';
import { showIn, type Units } from '../messages/localize.js';

export interface IntegerExplainer {
  /** The rounded amount in units (before a deduction's sign), the values kept in `out`; NaN: none. */
  units: (ctx: Ctx) => number;
  /** What the last `units` kept: the values its sentence prints, and last its result. */
  out: number[];
  /** The formula with the numbers of `values` from `at` (`out` and 0 for the last line). */
  numbers: (values: ArrayLike<number>, at: number) => string;
  /** ` = exact` and, when its text is not the rounded one, ` → rounded`, signed as the line. */
  amounts: (close: string, rounded: string, values: ArrayLike<number>, at: number) => string;
  /** `; because …` (`；因为 …`) with the steps that held, when the code recorded them. */
  steps?: (values: ArrayLike<number>, at: number) => string;
}

/** The explainer of a formula rule; in 简体中文 when given the policy's `units`. */
export function integerExplainer(plan: Plan, rule: CompiledRule, t: FormulaTemplate, units?: Units): IntegerExplainer | undefined {
  const names = [...new Set(t.names)];
  const { scale, mode } = plan.rounding;
  const conditions = [rule.when?.shape, rule.gate?.shape];
  const at = valueSlot(names.length);
  const records: HeldRecords = { at, leaves: [] };
  // with the steps that held when every condition has a shape; else the values only
  const withSteps = (rule.when || rule.gate) && conditions.every((c, i) => c || ![rule.when, rule.gate][i])
    ? generateExplain(rule, names, scale, mode, { conditions: conditions.filter((c): c is HeldShape => !!c), records })
    : undefined;
  const generated = withSteps ?? generateExplain(rule, names, scale, mode);
  if (!generated) return undefined;
  // the values the generated code writes, then its result (the line's units)
  const result = at + 1 + 5 * records.leaves.length;
  const out = new Array<number>(result + 1).fill(0);
  const slots = t.names.map((n) => valueSlot(names.indexOf(n)));
  const { pieces, parens } = t;
  const sign = rule.kind === 'deduction' ? -1 : 1;
  const steps = records.leaves.map((leaf) => (units ? stepPieces(leaf.shape.zh.pieces, leaf.zhRelabels) : stepPieces(leaf.shape.pieces, leaf.relabels)));
  const [because, and] = units ? ['；因为 ', '，'] : ['; because ', ', '];
  return {
    units: (ctx) => (out[result] = generated(ctx, out)),
    out,
    numbers: (v, base) => {
      let text = pieces[0];
      for (let i = 0; i < slots.length; i++) text += ratioString(v[base + slots[i]], v[base + slots[i] + 1], parens[i]) + pieces[i + 1];
      return text;
    },
    amounts: (close, rounded, v, base) => {
      const n = sign * v[base], d = v[base + 1];
      const text = close + ratioString(n, d, false);
      return writesAsRounded(n, d, sign * v[base + result], scale, rounded) ? text : text + ' → ' + (units ? yuan(rounded) : rounded);
    },
    steps: withSteps && ((v, base) => {
      const end = v[base + at];
      let text = '';
      for (let k = at + 1; k < end; k += 5) {
        const leaf = v[base + k];
        text += (k === at + 1 ? because : and) + step(records.leaves[leaf], steps[leaf], v, base + k, units);
      }
      return text;
    }),
  };
}

const A = '\u0001', B = '\u0002';

/**
 * A step's held text around its two values with its labels applied, found once by labelling
 * a text with a mark for each value; undefined when the marks do not come out once each, in
 * order (the text is then labelled when written).
 */
function stepPieces([p0, p1, p2]: string[], relabels: HeldLeaf['relabels']): string[] | undefined {
  if (!relabels.length) return [p0, p1, p2];
  let text = p0 + A + p1 + B + p2;
  for (let i = relabels.length - 1; i >= 0; i--) text = relabels[i](text);
  const a = text.indexOf(A), b = text.indexOf(B);
  if (a < 0 || b < a || text.lastIndexOf(A) !== a || text.lastIndexOf(B) !== b) return undefined;
  return [text.slice(0, a), text.slice(a + 1, b), text.slice(b + 1)];
}

/** One held step's text from its record at `k`, as the leaf's `held` writes it (in 简体中文, its values in their `units`). */
function step(leaf: HeldLeaf, around: string[] | undefined, out: ArrayLike<number>, k: number, units?: Units): string {
  const { kind, valueText } = leaf.shape;
  let left = kind === 'boolean' ? (out[k + 1] === 1 ? 'true' : 'false') : ratioString(out[k + 1], out[k + 2], false);
  let right = valueText !== undefined ? valueText : kind === 'boolean' ? (out[k + 3] === 1 ? 'true' : 'false') : ratioString(out[k + 3], out[k + 4], false);
  if (units) {
    // a value compared with a share or an amount is shown as one too
    const { fact, valueName } = leaf.shape.zh;
    const factUnit = units[fact], valueUnit = valueName ? units[valueName] : undefined;
    left = showIn(left, factUnit ?? valueUnit);
    right = showIn(right, valueUnit ?? factUnit);
  }
  if (around) return around[0] + left + around[1] + right + around[2];
  const pieces = units ? leaf.shape.zh.pieces : leaf.shape.pieces, relabels = units ? leaf.zhRelabels : leaf.relabels;
  let text = pieces[0] + left + pieces[1] + right + pieces[2];
  for (let i = relabels.length - 1; i >= 0; i--) text = relabels[i](text);
  return text;
}

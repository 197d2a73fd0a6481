// A formula line's explanation from the integers its generated explain code keeps
// (compile/integer/generate-explain.ts): the line is computed once, by that code, and the
// sentence's numbers are written from numerators and denominators, not from exact rationals
// computed again. The steps of its conditions that held come from the same code when each
// step is a comparison of two numbers or two booleans (explain-line.ts uses the conditions'
// closures otherwise).
import type { CompiledRule, Plan } from '../compile/plan.js';
import type { Ctx } from '../compile/runtime.js';
import type { HeldShape } from '../compile/condition/compiled-condition.js';
import { generateExplain, type HeldLeaf, type HeldRecords, valueSlot } from '../compile/integer/generate-explain.js';
import type { FormulaTemplate } from './formula-template.js';
import { ratioString, ratioText, writesAsRounded } from './explain-number.js';

export interface IntegerExplainer {
  /** The rounded amount in units (before a deduction's sign), the values kept in `out`; NaN: none. */
  units: (ctx: Ctx) => number;
  /** What the last `units` kept: the values its sentence prints, and last its result. */
  out: number[];
  /** The formula with the numbers of `values` from `at` (`out` and 0 for the last line). */
  numbers: (values: ArrayLike<number>, at: number) => string;
  /** ` = exact` and, when its text is not the rounded one, ` → rounded`, signed as the line. */
  amounts: (close: string, rounded: string, values: ArrayLike<number>, at: number) => string;
  /** `; because …` with the steps that held, when the code recorded them. */
  steps?: (values: ArrayLike<number>, at: number) => string;
}

export function integerExplainer(plan: Plan, rule: CompiledRule, t: FormulaTemplate): IntegerExplainer | undefined {
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
  const steps = records.leaves.map(stepPieces);
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
      return writesAsRounded(n, d, sign * v[base + result], scale, rounded) ? text : text + ' → ' + rounded;
    },
    steps: withSteps && ((v, base) => {
      const end = v[base + at];
      let text = '';
      for (let k = at + 1; k < end; k += 5) {
        const leaf = v[base + k];
        text += (k === at + 1 ? '; because ' : ', ') + step(records.leaves[leaf], steps[leaf], v, base + k);
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
function stepPieces(leaf: HeldLeaf): string[] | undefined {
  const [p0, p1, p2] = leaf.shape.pieces;
  if (!leaf.relabels.length) return [p0, p1, p2];
  let text = p0 + A + p1 + B + p2;
  for (let i = leaf.relabels.length - 1; i >= 0; i--) text = leaf.relabels[i](text);
  const a = text.indexOf(A), b = text.indexOf(B);
  if (a < 0 || b < a || text.lastIndexOf(A) !== a || text.lastIndexOf(B) !== b) return undefined;
  return [text.slice(0, a), text.slice(a + 1, b), text.slice(b + 1)];
}

/** One held step's text from its record at `k`, as the leaf's `held` writes it. */
function step(leaf: HeldLeaf, around: string[] | undefined, out: ArrayLike<number>, k: number): string {
  const { kind, pieces, valueText } = leaf.shape;
  const value = (at: number) => (kind === 'boolean' ? String(out[at] === 1) : ratioText(out[at], out[at + 1]));
  if (!around) {
    let text = pieces[0] + value(k + 1) + pieces[1] + (valueText ?? value(k + 3)) + pieces[2];
    for (let i = leaf.relabels.length - 1; i >= 0; i--) text = leaf.relabels[i](text);
    return text;
  }
  const left = kind === 'boolean' ? (out[k + 1] === 1 ? 'true' : 'false') : ratioString(out[k + 1], out[k + 2], false);
  const right = valueText !== undefined ? valueText : kind === 'boolean' ? (out[k + 3] === 1 ? 'true' : 'false') : ratioString(out[k + 3], out[k + 4], false);
  return around[0] + left + around[1] + right + around[2];
}

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
import { ratioText } from './explain-number.js';

export interface IntegerExplainer {
  /** The rounded amount in units (before a deduction's sign), the values kept; NaN: none. */
  units: (ctx: Ctx) => number;
  /** Adds the formula with the numbers the last `units` kept. */
  numbers: (parts: string[]) => void;
  /** The unrounded amount, signed as the line. */
  exactText: () => string;
  /** Adds `; because …` with the steps that held, when the code recorded them. */
  steps?: (parts: string[]) => void;
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
  const out = new Array<number>(at + 1 + 5 * records.leaves.length).fill(0);
  const slots = t.names.map((n) => valueSlot(names.indexOf(n)));
  const { pieces, parens } = t;
  const negated = rule.kind === 'deduction';
  return {
    units: (ctx) => generated(ctx, out),
    numbers: (parts) => {
      parts.push(pieces[0]);
      for (let i = 0; i < slots.length; i++) {
        const v = ratioText(out[slots[i]], out[slots[i] + 1]);
        // a number's text is plain unless negative or cut (`…`)
        if (parens[i] && (v.charCodeAt(0) === 45 || v.charCodeAt(v.length - 1) === 8230)) parts.push('(', v, ')', pieces[i + 1]);
        else parts.push(v, pieces[i + 1]);
      }
    },
    exactText: () => ratioText(negated ? -out[0] : out[0], out[1]),
    steps: withSteps && ((parts) => {
      const end = out[at];
      for (let k = at + 1; k < end; k += 5) {
        parts.push(k === at + 1 ? '; because ' : ', ');
        step(records.leaves[out[k]], out, k, parts);
      }
    }),
  };
}

/** One held step's text from its record at `k`, as the leaf's `held` writes it. */
function step(leaf: HeldLeaf, out: number[], k: number, parts: string[]): void {
  const { kind, pieces, valueText } = leaf.shape;
  const a = kind === 'boolean' ? String(out[k + 1] === 1) : ratioText(out[k + 1], out[k + 2]);
  const b = valueText ?? (kind === 'boolean' ? String(out[k + 3] === 1) : ratioText(out[k + 3], out[k + 4]));
  if (!leaf.relabels.length) { parts.push(pieces[0], a, pieces[1], b, pieces[2]); return; }
  let text = pieces[0] + a + pieces[1] + b + pieces[2];
  for (let i = leaf.relabels.length - 1; i >= 0; i--) text = leaf.relabels[i](text);
  parts.push(text);
}

// Generates, for a formula rule's explanation, one function that computes its amount in
// integers and keeps the values its sentence prints: the unrounded amount and each value the
// formula's template reads, as numerator/denominator pairs in `out` (not reduced). An
// explanation is then written from integers, nothing computed twice by exact rationals. It
// bails (NaN) where the amount's own generated code would: the line is explained as before.
import type { Expr } from '../../expression/ast.js';
import type { CompiledRule } from '../plan.js';
import { generateAmount } from './generate-amount.js';
import { generateNumber } from './generate-expression.js';
import type { Generated } from './integer-plan.js';

/** `out` as the generated function leaves it: [exact n, exact d, value 0 n, value 0 d, …]. */
export const valueSlot = (i: number): number => 2 + 2 * i;

const nameNode = (name: string): Expr => ({ type: 'name', name, start: 0, end: 0 });

/**
 * `(ctx, out) => units`: the rounded amount in units of the policy's scale (before a deduction's
 * sign), `out` filled as `valueSlot` says for `names`; undefined when the rule has none.
 */
export function generateExplain(rule: CompiledRule, names: readonly string[], scale: number, mode: string): Generated | undefined {
  if (rule.amount.type !== 'formula' || !rule.integer?.amount || !rule.integer.generate) return undefined;
  const amount = rule.amount;
  return rule.integer.generate('explain', (em, s, doc) => {
    names.forEach((name, i) => {
      const v = generateNumber(nameNode(name), em, s);
      em.line(`out[${valueSlot(i)}] = ${v.n}; out[${valueSlot(i) + 1}] = ${v.d};`);
    });
    const exact = generateAmount(doc, amount, em, s);
    if (!exact) return undefined;
    em.line(`out[0] = ${exact.n}; out[1] = ${exact.d};`);
    return em.round(exact, scale, mode).n;
  });
}

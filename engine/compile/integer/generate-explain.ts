// Generates, for a formula rule's explanation, one function that computes its amount in
// integers and keeps the values its sentence prints: the unrounded amount and each value the
// formula's template reads, as numerator/denominator pairs in `out` (not reduced), then the
// steps of its `when` and `gate` that held (which step, both sides' values). An explanation is
// then written from integers, nothing computed twice by exact rationals. It bails (NaN) where
// the amount's own generated code would: the line is explained as before.
import { Exact } from '../../exact/exact.js';
import type { Expr } from '../../expression/ast.js';
import type { HeldShape } from '../condition/compiled-condition.js';
import type { CompiledRule } from '../plan.js';
import { type Bool, constant, type Emitter } from './emitter.js';
import { generateAmount } from './generate-amount.js';
import { generateBool, generateNumber, type GenScope } from './generate-expression.js';
import { NotGenerated } from './generate-each.js';
import type { Generated } from './integer-plan.js';

/** `out` as the generated function leaves it: [exact n, exact d, value 0 n, value 0 d, …]. */
export const valueSlot = (i: number): number => 2 + 2 * i;

/** A step that can be recorded as held, in the order the generated code numbers them. */
export interface HeldLeaf {
  shape: Extract<HeldShape, { type: 'leaf' }>;
  /** The labels around it, outermost first: applied innermost first, as `held` does. */
  relabels: ((text: string) => string)[];
  /** The same labels in 简体中文. */
  zhRelabels: ((text: string) => string)[];
}

type Labelled = Extract<HeldShape, { type: 'labelled' }>;

/**
 * The held steps after the values: `out[at]` is the end of the records, from `at + 1` on, 5
 * numbers each: the step's index in `leaves`, the fact's value n, d, the value's n, d (a
 * boolean as 1 or 0 over 1).
 */
export interface HeldRecords { at: number; leaves: HeldLeaf[] }

const nameNode = (name: string): Expr => ({ type: 'name', name, start: 0, end: 0 });
const NUMERIC: Record<string, '<' | '<=' | '>' | '>='> = { lessThan: '<', lessThanInclusive: '<=', greaterThan: '>', greaterThanInclusive: '>=' };

/**
 * `(ctx, out) => units`: the rounded amount in units of the policy's scale (before a deduction's
 * sign), `out` filled as `valueSlot` says for `names`, and with the held steps of `conditions`
 * when `held` is given (its leaves are added to it); undefined when the rule has none.
 */
export function generateExplain(rule: CompiledRule, names: readonly string[], scale: number, mode: string, held?: { conditions: HeldShape[]; records: HeldRecords }): Generated | undefined {
  if (rule.amount.type !== 'formula' || !rule.integer?.amount || !rule.integer.generate) return undefined;
  const amount = rule.amount;
  return rule.integer.generate(held ? 'explain_held' : 'explain', (em, s, doc) => {
    names.forEach((name, i) => {
      const v = generateNumber(nameNode(name), em, s);
      em.line(`out[${valueSlot(i)}] = ${v.n}; out[${valueSlot(i) + 1}] = ${v.d};`);
    });
    if (held) {
      const { at } = held.records;
      const cursor = em.local('held_at', String(at + 1), true);
      // each condition as `held` walks it: a group stops at its deciding step
      for (const c of held.conditions) heldSteps(c, [], em, s, cursor, held.records);
      em.line(`out[${at}] = ${cursor};`);
    }
    const exact = generateAmount(doc, amount, em, s);
    if (!exact) return undefined;
    em.line(`out[0] = ${exact.n}; out[1] = ${exact.d};`);
    return em.round(exact, scale, mode).n;
  });
}

/** Code that evaluates `shape` and records each step that holds; its result. */
function heldSteps(shape: HeldShape, labels: Labelled[], em: Emitter, s: GenScope, cursor: string, records: HeldRecords): Bool {
  switch (shape.type) {
    case 'not': return { b: em.local('not', `!${heldSteps(shape.inner, labels, em, s, cursor, records).b}`) };
    case 'labelled': return heldSteps(shape.inner, [...labels, shape], em, s, cursor, records);
    case 'group': {
      const r = em.fresh(shape.all ? 'all' : 'any');
      // an empty group holds, `any` included
      em.line(`let ${r} = ${shape.all || !shape.children.length};`);
      const label = em.fresh('held_group');
      em.block(`${label}:`, () => {
        for (const child of shape.children) {
          const b = heldSteps(child, labels, em, s, cursor, records);
          em.line(shape.all ? `if (!${b.b}) { ${r} = false; break ${label}; }` : `if (${b.b}) { ${r} = true; break ${label}; }`);
        }
      });
      return { b: r };
    }
    case 'leaf': {
      const index = records.leaves.length;
      records.leaves.push({ shape, relabels: labels.map((l) => l.relabel), zhRelabels: labels.map((l) => l.zhRelabel) });
      const { doc } = shape;
      const op = String(doc.operator);
      const ref = doc.value && typeof doc.value === 'object' && !(doc.value instanceof Exact) ? String((doc.value as Record<string, unknown>).fact) : undefined;
      let holds: Bool, a: [string, string], b: [string, string];
      if (shape.kind === 'number') {
        const x = generateNumber(nameNode(String(doc.fact)), em, s);
        const y = ref ? generateNumber(nameNode(ref), em, s) : constant(doc.value as Exact);
        if (!y) throw new NotGenerated(); // a constant held as BigInt
        holds = em.compare(x, NUMERIC[op] ?? (op === 'equal' ? '===' : '!=='), y);
        a = [x.n, x.d]; b = [y.n, y.d];
      } else {
        const x = generateBool(nameNode(String(doc.fact)), em, s).b;
        const y = ref ? generateBool(nameNode(ref), em, s).b : String(doc.value === true);
        holds = { b: em.local('same', `${x} ${op === 'equal' ? '===' : '!=='} ${y}`) };
        a = [`(${x} ? 1 : 0)`, '1']; b = [`(${y} ? 1 : 0)`, '1'];
      }
      em.block(`if (${holds.b})`, () => {
        em.line(`out[${cursor}] = ${index}; out[${cursor} + 1] = ${a[0]}; out[${cursor} + 2] = ${a[1]}; out[${cursor} + 3] = ${b[0]}; out[${cursor} + 4] = ${b[1]};`);
        em.line(`${cursor} += 5;`);
      });
      return holds;
    }
  }
}

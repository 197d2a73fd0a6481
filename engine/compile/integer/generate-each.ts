// Generates integer code for a per-transaction rule (`for_each: transactions`): one loop over
// the month's transactions, each one's derived values computed in order, its `where` tested
// (a transaction that fails it is added to `flagged`, by index, for the caller to report as
// the reference does) and its amount rounded (`round: each`) or added exactly. A rule whose
// transaction scope needs a reference closure (text, windows, `transaction_month`, a derived
// value that is not a number) is not generated: it stays on the closures as a whole.
import { Exact } from '../../exact/exact.js';
import { compileExpression, type Binding } from '../compile-expression.js';
import type { AmountPlan } from '../plan.js';
import type { Emitter, Num } from './emitter.js';
import type { ConditionGenScope } from './generate-condition.js';
import { generateCondition } from './generate-condition.js';
import { generateNumber } from './generate-expression.js';
import { parseExpression } from '../../expression/parse-expression.js';

import { NotGenerated } from './emitter.js';
export { NotGenerated };

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Exact) ? (v as Record<string, unknown>) : {};
const tree = (text: unknown) => parseExpression(text instanceof Exact ? text.toString() : String(text));

export function generateEach(
  rule: Record<string, unknown>, plan: Extract<AmountPlan, { type: 'each' }>, fields: [string, string][],
  em: Emitter, outer: ConditionGenScope, rounding: { scale: number; mode: string },
): Num | undefined {
  if (plan.derive.some((d) => d.expr.type !== 'number')) return undefined;
  const locals = new Map<string, Num>();
  const synthetic = new Map<string, Binding>();
  const never = () => { throw new NotGenerated(); };
  fields.forEach(([name, type]) => synthetic.set(name, { kind: 'field', type: type === 'text' ? 'string' : 'number', month: type === 'month', fn: never }));
  plan.derive.forEach((d) => synthetic.set(d.name, { kind: 'derived', type: d.expr.type, fn: never }));
  const binding = (name: string) => synthetic.get(name) ?? outer.binding(name);
  const s: ConditionGenScope = {
    ...outer,
    binding,
    compile: (t) => compileExpression(t, binding, () => {}),
    closure: never,
    // a `where` leaf the generator does not write reads a transaction's fields, which the policy's
    // condition compiler does not know: the rule stays on its closures
    compileCondition: never,
    local: (name) => locals.get(name),
    slot: (name) => {
      const i = fields.findIndex(([n]) => n === name);
      return i >= 0 ? { source: 'field', index: i, type: fields[i][1] } : outer.slot(name);
    },
  };
  const list = em.local('transactions', 'ctx.p.transactions.get(ctx.m)');
  const total = em.fresh('total'), totalD = em.fresh('total_d');
  em.line(`let ${total} = 0;`);
  // a part whose denominator is known now (each line rounded: units of the policy's scale) adds
  // to a total of that denominator, one integer sum; else the total's denominator is a variable
  let known: number | undefined;
  em.block(`if (${list} !== undefined) for (let i = 0; i < ${list}.length; i++)`, () => {
    em.line(`const item = ${list}[i];`);
    for (const d of plan.derive) locals.set(d.name, generateNumber(tree(obj(rule.derive)[d.name]), em, s));
    if (rule.where !== undefined) {
      const where = generateCondition(rule.where, em, s);
      em.line(`if (!${where.b}) { flagged.push(i); continue; }`);
    }
    const amount = generateNumber(tree(rule.amount), em, s);
    const part = plan.roundEach ? em.round(amount, rounding.scale, rounding.mode) : amount;
    known = part.sd;
    if (known !== undefined) {
      em.line(`${total} = ${em.add({ n: total, d: String(known), sd: known }, part, 'running_total').n};`);
      return;
    }
    em.preamble.set(totalD, `let ${totalD} = 1;`);
    const sum = em.add({ n: total, d: totalD }, part, 'running_total');
    em.line(`${total} = ${sum.n}; ${totalD} = ${sum.d};`);
  });
  return known !== undefined ? { n: total, d: String(known), sd: known } : { n: total, d: totalD };
}

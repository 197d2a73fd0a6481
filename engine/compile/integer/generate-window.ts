// `every(metric, window)` and `some(metric, window)` in generated code: one loop over the
// window's months (the closures' own list) with the metric's expression generated inside it at
// each month — its facts read from that month's row, its fallback closures called at that month
// (a metric read over a window reads no line and no rank: the compiler refuses those). The loop
// stops where the closure's `every`/`some` stops, so a month after the deciding one is never read.
import type { Expr } from '../../expression/ast.js';
import type { Bool, Emitter } from './emitter.js';
import { isWindow } from '../windows.js';
import { generateBool, type GenScope, metricTreeOf, monthOf } from './generate-expression.js';

export function windowCondition(e: Extract<Expr, { type: 'call' }>, em: Emitter, s: GenScope): Bool | undefined {
  const [target, window] = e.args;
  if (target?.type !== 'name' || window?.type !== 'name' || !isWindow(window.name) || s.at) return undefined;
  const tree = metricTreeOf(target.name, s);
  if (!tree) return undefined;
  const every = e.callee === 'every';
  const result = em.fresh(e.callee);
  em.line(`let ${result} = ${every};`);
  const months = em.local('months', `H.windowMonths(${JSON.stringify(window.name)}, ${monthOf(s)})`);
  const i = em.fresh('i');
  em.block(`for (let ${i} = 0; ${i} < ${months}.length; ${i}++)`, () => {
    const month = em.local('month', `${months}[${i}]`);
    // the month's facts, read once per month of the window (a month without facts: the closure reports it)
    const row = em.local('row', `ctx.p.facts.get(${month})`);
    em.line(`if (${row} === undefined) return ${em.bail};`);
    const value = generateBool(tree, em, { ...s, at: { month, facts: `${row}.values` } });
    em.block(`if (${every ? '!' : ''}${value.b})`, () => em.line(`${result} = ${!every}; break;`));
  });
  return { b: result };
}

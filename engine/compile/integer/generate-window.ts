// `every`, `some`, `sum` and `avg` of a metric over a window in generated code: one loop over
// the window's months (the closures' own list) with the metric's expression generated inside it at
// each month — its facts read from that month's row, its fallback closures called at that month
// (a metric read over a window reads no line and no rank: the compiler refuses those). The loop
// stops where the closure's `every`/`some` stops, so a month after the deciding one is never read;
// a sum adds exact fractions (numerators alone while the denominators agree).
import type { Expr } from '../../expression/ast.js';
import type { Bool, Emitter, Num } from './emitter.js';
import { isWindow } from '../windows.js';
import { generateBool, generateNumber, type GenScope, metricTreeOf, monthOf } from './generate-expression.js';

export function windowCondition(e: Extract<Expr, { type: 'call' }>, em: Emitter, s: GenScope): Bool | undefined {
  const tree = metricOverWindow(e, s);
  if (!tree) return undefined;
  const every = e.callee === 'every';
  const result = em.fresh(e.callee);
  em.line(`let ${result} = ${every};`);
  eachMonth(e, em, s, (at) => {
    const value = generateBool(tree, em, at);
    em.block(`if (${every ? '!' : ''}${value.b})`, () => em.line(`${result} = ${!every}; break;`));
  });
  return { b: result };
}

/** `sum(metric, window)` and `avg(metric, window)`. */
export function windowNumber(e: Extract<Expr, { type: 'call' }>, em: Emitter, s: GenScope): Num | undefined {
  const tree = metricOverWindow(e, s);
  if (!tree) return undefined;
  const n = em.fresh(`${e.callee}_${hint(e)}`), d = em.fresh(`${e.callee}_${hint(e)}_d`);
  em.line(`let ${n} = 0, ${d} = 1;`);
  const months = eachMonth(e, em, s, (at) => {
    const total = em.add({ n, d }, generateNumber(tree, em, at), 'total');
    em.line(`${n} = ${total.n}; ${d} = ${total.d};`);
  });
  // an empty window divides by zero: the generated code bails and the closure reports it
  return e.callee === 'sum' ? { n, d } : em.div({ n, d }, { n: `${months}.length`, d: '1', sd: 1 }, 'average');
}

/**
 * What a window call reads at each month, when it can be generated there: a metric's tree, or
 * the name of a fact (read from that month's row, whatever its type).
 */
function metricOverWindow(e: Extract<Expr, { type: 'call' }>, s: GenScope): Expr | undefined {
  const [target, window] = e.args;
  if (target?.type !== 'name' || window?.type !== 'name' || !isWindow(window.name) || s.at) return undefined;
  return metricTreeOf(target.name, s) ?? (s.binding(target.name)?.kind === 'fact' && s.slot(target.name)?.source === 'fact' ? target : undefined);
}

/**
 * `sum(rule, window)`: the lines a rule made in the window's earlier months, read from the
 * ledger in units of the policy's scale (posted history included); a ledger amount of more
 * places bails to the closure.
 */
export function ledgerWindowSum(e: Extract<Expr, { type: 'call' }>, em: Emitter, s: GenScope): Num | undefined {
  const [target, window] = e.args;
  if (e.callee !== 'sum' || target?.type !== 'name' || window?.type !== 'name' || !isWindow(window.name) || s.binding(target.name)?.kind !== 'rule') return undefined;
  const unit = 10 ** s.scale;
  const months = em.local('months', `H.windowMonths(${JSON.stringify(window.name)}, ${monthOf(s)})`);
  const n = em.local(`${target.name}_${window.name}`, `H.ledgerUnits(ctx.p.ledger, ${JSON.stringify(target.name)}, ${months}, ${unit})`);
  em.line(`if (${n} !== ${n}) ${em.fail};`);
  return { n, d: String(unit), sd: unit };
}

const hint = (e: Extract<Expr, { type: 'call' }>): string => (e.args[0].type === 'name' ? e.args[0].name : 'value');

/** The loop over the window's months, `body` generated in a scope at each month; returns the months' local. */
function eachMonth(e: Extract<Expr, { type: 'call' }>, em: Emitter, s: GenScope, body: (at: GenScope) => void): string {
  const window = e.args[1] as Extract<Expr, { type: 'name' }>;
  const months = em.local('months', `H.windowMonths(${JSON.stringify(window.name)}, ${monthOf(s)})`);
  const i = em.fresh('i');
  em.block(`for (let ${i} = 0; ${i} < ${months}.length; ${i}++)`, () => {
    const month = em.local('month', `${months}[${i}]`);
    // the month's facts, read once per month of the window (a month without facts: the closure reports it)
    const row = em.local('row', `ctx.p.facts.get(${month})`);
    em.line(`if (${row} === undefined) ${em.fail};`);
    body({ ...s, at: { month, facts: `${row}.values` } });
  });
  return months;
}

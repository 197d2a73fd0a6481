// Generates integer code for a rule's amount before its rounding: a formula, `percent_of`,
// `per_unit`, `step_deduction` and tiers (reached or marginal). Refunds, allocations,
// instalments, clawbacks and per-transaction sums are not generated: `undefined` says so, and
// the rule's amount stays on the reference path (see integer-plan.ts).
import { Exact } from '../../exact/exact.js';
import { parseExpression } from '../../expression/parse-expression.js';
import type { AmountPlan } from '../plan.js';
import { constant, type Emitter, type Num } from './emitter.js';
import { generateNumber, type GenScope } from './generate-expression.js';

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Exact) ? (v as Record<string, unknown>) : {};

/** Parses an expression the policy wrote (the text compiled once already, so it parses). */
const tree = (text: unknown) => parseExpression(text instanceof Exact ? text.toString() : String(text));

export function generateAmount(rule: Record<string, unknown>, plan: AmountPlan, em: Emitter, s: GenScope): Num | undefined {
  if (plan.type === 'tier') return tier(plan, obj(obj(rule.amount).tier), em, s);
  if (plan.type !== 'formula') return undefined;
  const a = rule.amount;
  if (typeof a === 'string' || a instanceof Exact) return generateNumber(tree(a), em, s);
  const which = Object.keys(obj(a))[0];
  const body = obj(obj(a)[which]);
  const part = (k: string) => generateNumber(tree(body[k]), em, s);
  switch (which) {
    case 'percent_of': { const rate = part('rate'), base = part('base'); return em.mul(rate, base, 'percent'); }
    case 'per_unit': { const price = part('price'), units = part('units'); return em.mul(units, price, 'per_unit'); }
    case 'step_deduction': return stepDeduction(body, part, em);
    default: return undefined;
  }
}

function stepDeduction(body: Record<string, unknown>, part: (k: string) => Num, em: Emitter): Num {
  // the parts in the order the reference evaluates them
  const base = part('base'), shortfall = part('shortfall'), step = part('step'), rate = part('rate');
  const cap = body.cap === undefined ? undefined : part('cap');
  em.line(`if (${step.n} <= 0) ${em.fail}; // a step of 0 or less: the reference path reports it`);
  const positive = em.compare(shortfall, '>', constant(Exact.ZERO)!);
  const steps = em.fresh('steps');
  em.line(`let ${steps} = 0;`);
  em.block(`if (${positive.b})`, () => {
    const q = em.div(shortfall, step, 'shortfall_steps');
    const whole = em.integer(q, (n, d) => `H.floorDiv(${n}, ${d})`, 'whole_steps');
    em.line(`${steps} = ${whole.n};`);
  });
  const share = em.mul(rate, { n: steps, d: '1', sd: 1 }, 'share');
  return em.mul(base, cap ? em.pick([cap, share], 'min') : share, 'deduction');
}

function tier(plan: Extract<AmountPlan, { type: 'tier' }>, body: Record<string, unknown>, em: Emitter, s: GenScope): Num | undefined {
  const rows = plan.table.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, constant(v)])));
  if (rows.some((r) => Object.values(r).some((v) => !v))) return undefined; // a bound held as BigInt
  const value = generateNumber(tree(body.value), em, s);
  const n = em.fresh('tier_amount'), d = em.fresh('tier_amount_d');
  em.line(`let ${n} = 0, ${d} = 1;`);
  const set = (v: Num) => em.line(`${n} = ${v.n}; ${d} = ${v.d};`);
  if (plan.mode === 'marginal') {
    const base = plan.base ? generateNumber(tree(body.base), em, s) : undefined;
    const label = em.fresh('bands');
    em.block(`${label}:`, () => {
      let total: Num = constant(Exact.ZERO)!;
      for (const row of rows) {
        const min = base ? em.mul(row.min!, base, 'band_min') : row.min!;
        const above = em.compare(value, '>', min);
        em.line(`if (!${above.b}) break ${label};`);
        const max = row.max && (base ? em.mul(row.max, base, 'band_max') : row.max);
        const top = max ? em.pick([value, max], 'min') : value;
        total = em.add(total, em.mul(row[plan.rate!]!, em.sub(top, min, 'band'), 'band_pay'), 'bands_total');
        set(total);
      }
    });
    return { n, d };
  }
  // reached: the highest row whose min the value reaches (rows are sorted by min)
  const label = em.fresh('reached');
  em.block(`${label}:`, () => {
    for (let i = rows.length - 1; i >= 0; i--) {
      const reached = em.compare(rows[i].min!, '<=', value);
      em.block(`if (${reached.b})`, () => {
        set(plan.pay ? rows[i][plan.pay]! : em.mul(rows[i][plan.rate!]!, generateNumber(tree(body.base), em, s), 'tier_pay'));
        em.line(`break ${label};`);
      });
    }
  });
  return { n, d };
}

// Random policies built from the language's primitives, and random data with boundaries on
// purpose, for the differential test of the generated integer code against the closures.
// Everything is drawn from one seeded stream, so a failing seed reproduces.

import { int, mulberry32, type Random as Rand } from '../../../bench/prng.js';

export { mulberry32 };

const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

export const FACTS = { sales: 'money', target: 'money', fees: 'money', units: 'count', share: 'rate', days: 'number' } as const;
const NUMERIC_FACTS = Object.keys(FACTS);
const PARAMS: Record<string, [string, string[]]> = {
  rate_a: ['rate', ['0.05', '0.333', '0.02', '0.125', '1']],
  rate_b: ['rate', ['0.98', '0.01', '0.3', '0.07', '0.5']],
  price: ['money', ['1.50', '20', '0.07', '3', '100']],
  cap: ['money', ['1000', '250.5', '0', '99.99']],
  limit: ['number', ['17', '0.5', '3', '1.30']],
};
const MODES = ['half-up', 'half-even', 'down', 'up', 'floor', 'ceiling'];
const OPERATORS = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'equal', 'notEqual'];

/** A numeric expression over facts, params, metrics and earlier lines. */
function expr(r: Rand, depth: number, names: string[]): string {
  if (depth <= 0 || r() < 0.25) {
    const k = r();
    if (k < 0.15) return pick(r, ['1', '0.5', '3', '7', '100', '0.01', '2.5']);
    if (k < 0.35) return pick(r, Object.keys(PARAMS));
    // a fact summed over a window of the months so far (generated for money and counts, a closure for the others)
    if (k < 0.42) return `sum(${pick(r, NUMERIC_FACTS)}, ${pick(r, ['month', 'quarter_to_date', 'year_to_date', 'earlier_this_year', 'quarter_ends'])})`;
    // a fact averaged over months so far (a loop at each month), an earlier rule's lines of earlier months (the ledger)
    if (k < 0.45) return `avg(${pick(r, NUMERIC_FACTS)}, ${pick(r, ['quarter_to_date', 'year_to_date'])})`;
    const rules = names.filter((n) => n.startsWith('rule_'));
    if (k < 0.5 && rules.length) return `sum(${pick(r, rules)}, ${pick(r, ['previous_month', 'earlier_this_quarter', 'earlier_this_year'])})`;
    return pick(r, names);
  }
  const a = () => expr(r, depth - 1, names);
  switch (int(r, 0, 11)) {
    case 0: return `${a()} + ${a()}`;
    case 1: return `${a()} - ${a()}`;
    case 2: case 3: return `${a()} * ${a()}`;
    case 4: return `(${a()}) / ${pick(r, ['3', '7', 'max(units, 1)', 'max(target, 1)', 'target', '100'])}`;
    case 5: return `min(${a()}, ${a()})`;
    case 6: return `max(${a()}, ${a()}, ${a()})`;
    case 7: return `round(${a()}, ${int(r, 0, 3)})`;
    case 8: return `${pick(r, ['floor', 'ceil', 'abs'])}(${a()})`;
    case 9: return `if(${a()} >= ${a()}, ${a()}, ${a()})`;
    case 10: return `-(${a()})`;
    default: return `(${a()})`;
  }
}

/** A json-rules-engine condition: all / any / not over numeric leaves, a named condition now and then. */
function condition(r: Rand, depth: number, names: string[], named: string[]): unknown {
  const k = r();
  if (depth > 0 && k < 0.35) {
    const kind = r() < 0.5 ? 'all' : 'any';
    const n = int(r, 0, 3);
    return { [kind]: Array.from({ length: n }, () => ({ ...(condition(r, depth - 1, names, named) as object), ...(r() < 0.2 ? { priority: int(r, 1, 5) } : {}) })) };
  }
  if (depth > 0 && k < 0.45) return { not: condition(r, depth - 1, names, named) };
  if (named.length && k < 0.55) return { condition: pick(r, named) };
  if (k < 0.62) return { fact: pick(r, ['is_big', 'kept_big', 'once_big']), operator: pick(r, ['equal', 'notEqual']), value: r() < 0.5 };
  const value = r() < 0.5 ? Number(pick(r, ['0', '1', '0.98', '1.3', '500', '17'])) : { fact: pick(r, [...names, ...Object.keys(PARAMS)]) };
  return { fact: pick(r, names), operator: pick(r, OPERATORS), value, ...(r() < 0.3 ? { name: `leaf ${int(r, 1, 9)}` } : {}) };
}

/** A leaf on a transaction's text field (the generator leaves these to the closures). */
const productLeaf = (r: Rand): unknown => r() < 0.5
  ? { fact: 'product', operator: pick(r, ['in', 'notIn']), value: pick(r, [['fibre', 'copper'], ['mobile'], []]) }
  : { fact: 'product', operator: pick(r, ['equal', 'notEqual']), value: pick(r, ['fibre', 'mobile']) };

/** The amount of a rule: a formula or a structured primitive. */
function amount(r: Rand, names: string[]): unknown {
  const e = () => expr(r, 3, names);
  switch (int(r, 0, 6)) {
    case 0: return { percent_of: { rate: pick(r, ['rate_a', 'rate_b', 'share']), base: e() } };
    case 1: return { per_unit: { price: pick(r, ['price', 'rate_a']), units: pick(r, ['units', 'days', 'sales']) } };
    case 2: return { step_deduction: { base: e(), shortfall: `1 - ${pick(r, ['completion', 'share', 'days / 20'])}`, step: pick(r, ['0.01', 'rate_b', '0.05']), rate: pick(r, ['0.02', 'rate_a']), ...(r() < 0.6 ? { cap: pick(r, ['0.30', 'rate_b']) } : {}) } };
    case 3: return { tier: r() < 0.5 ? { table: 'awards', value: pick(r, ['completion', 'share', e()]), pay: 'award' } : { table: 'awards', value: pick(r, ['completion', 'share']), rate: 'rate', base: e() } };
    case 4: return { tier: { table: 'bands', value: pick(r, ['sales', 'completion', e()]), rate: 'rate', mode: 'marginal', ...(r() < 0.4 ? { base: 'target' } : {}) } };
    default: return e();
  }
}

/** A random policy document (as JSON, which is YAML) and a description for failure messages. */
export function randomPolicy(r: Rand): string {
  const metrics = {
    completion: 'sales / max(target, 1)',
    is_big: `${expr(r, 2, NUMERIC_FACTS)} > ${pick(r, ['limit', 'cap', '1000'])}`,
    derived: expr(r, 2, NUMERIC_FACTS),
    // a condition over a window of months: generated as a loop with the metric at each month
    kept_big: 'every(is_big, year_to_date)',
    once_big: 'some(is_big, earlier_this_year)',
    // numbers over a window of months: a metric summed or averaged at each month (avg of an empty window divides by zero)
    derived_to_date: 'sum(derived, quarter_to_date)',
    derived_average: 'avg(completion, earlier_this_year)',
  };
  const names = [...NUMERIC_FACTS, 'completion', 'derived', 'derived_to_date', 'derived_average'];
  const conditions = { big_enough: condition(r, 2, names, []), on_target: { fact: 'completion', operator: 'greaterThanInclusive', value: 1 } };
  const rules = Array.from({ length: int(r, 1, 5) }, (_, i) => {
    const earlier = [...names, ...Array.from({ length: i }, (_, j) => `rule_${j}`)];
    const rule: Record<string, unknown> = { id: `rule_${i}`, kind: pick(r, ['commission', 'deduction', 'bonus']), amount: amount(r, earlier) };
    // conditions read earlier lines too: a withheld reason made after the run must see that month's lines
    if (r() < 0.5) rule.when = condition(r, 3, earlier, Object.keys(conditions));
    if (r() < 0.5) rule.gate = condition(r, 3, earlier, Object.keys(conditions));
    if (r() < 0.15) rule.frequency = pick(r, ['quarterly', 'yearly']);
    return rule;
  });
  // a per-transaction rule now and then: derived values, a `where`, each line rounded or not
  if (r() < 0.5) {
    const tx = ['tariff', 'standard', 'months', 'floor', 'paid_months'];
    rules.push({
      id: 'per_transaction', kind: pick(r, ['commission', 'deduction']), for_each: 'transactions',
      derive: { floor: `${pick(r, ['rate_b', '0.2', 'share'])} * standard`, paid_months: `min(months, ${pick(r, ['12', 'units', 'limit'])})` },
      ...(r() < 0.8 ? { where: r() < 0.3 ? { all: [condition(r, 2, tx, []), productLeaf(r)] } : condition(r, 2, tx, []) } : {}),
      amount: expr(r, 2, [...tx, 'rate_a', 'completion']),
      ...(r() < 0.6 ? { round: 'each' } : {}),
    } as never);
  }
  const doc = {
    id: 'random', name: 'Random', version: 1,
    transactions: { id: 'tx_id', fields: { tariff: { type: 'money' }, standard: { type: 'money' }, months: { type: 'count' }, product: { type: 'text' } } },
    applies_to: { channel_type: ['shop'] },
    rounding: { scale: pick(r, [2, 2, 0, 3]), mode: pick(r, MODES) },
    facts: Object.fromEntries(Object.entries(FACTS).map(([n, type]) => [n, { type }])),
    params: {
      ...Object.fromEntries(Object.entries(PARAMS).map(([n, [type, values]]) => [n, { type, value: Number(pick(r, values)) }])),
      awards: { type: 'tiers', columns: { min: 'ratio', award: 'money', rate: 'rate' }, value: [{ min: 1.2, award: 3500, rate: 0.07 }, { min: 1, award: 1000, rate: 0.05 }, { min: 0.5, award: 10.005, rate: 0.01 }] },
      bands: { type: 'tiers', columns: { min: 'money', max: 'money', rate: 'rate' }, value: [{ min: 0, max: 1000, rate: 0.01 }, { min: 1000, max: 5000, rate: 0.033 }, { min: 5000, rate: 0.07 }] },
    },
    metrics, conditions, rules,
  };
  return JSON.stringify(doc, null, 1);
}

/** A money amount: round yuan, cents, near the bound of exact integers, at a step exactly. */
function money(r: Rand, target: number): string {
  const k = r();
  if (k < 0.08) return '0';
  if (k < 0.16) return String(target); // exactly on target: completion 1
  if (k < 0.3) return (target * pick(r, [0.93, 0.98, 1.3, 0.5, 1.2])).toFixed(2); // a step or a gate exactly
  if (k < 0.36) return pick(r, ['90071992547409.91', '45035996273704.96', '9007199254740.99', '-0.01']); // near 2^53 cents
  if (k < 0.5) return (int(r, 0, 3) + pick(r, [0.005, 0.015, 0.125, 0.333])).toFixed(3).replace(/0$/, ''); // half cents and more places
  return (int(r, 0, 2_000_000) / 100).toFixed(2);
}

/** payees.csv, facts.csv and transactions.csv for `payees` payees over the 12 months of 2025. */
export function randomData(r: Rand, payees: number): { payees: string; facts: string; transactions: string } {
  const p = ['payee_id,name,channel_type'];
  const t = ['tx_id,payee_id,period,tariff,standard,months,product'];
  const f = [`period,payee_id,${Object.keys(FACTS).join(',')}`];
  for (let i = 1; i <= payees; i++) {
    p.push(`P${i},Payee ${i},shop`);
    for (let m = 1; m <= 12; m++) {
      const target = pick(r, [0, 100, 10000, 12345.67, 3, 7]);
      const units = r() < 0.05 ? '9007199254740991' : String(pick(r, [0, 1, 3, 7, 20, 1000]));
      const share = pick(r, ['0.98', '1', '0.97998', '0', '0.333333', '0.5']);
      const days = pick(r, ['17', '17.5', '0', '30', '16.999']);
      f.push(`2025-${String(m).padStart(2, '0')},P${i},${money(r, target)},${target},${money(r, target)},${units},${share},${days}`);
      for (let k = int(r, 0, 4); k > 0; k--) {
        const standard = pick(r, [1000, 250, 99.99, 5000, 0.07]);
        t.push(`T${i}-${m}-${k},P${i},2025-${String(m).padStart(2, '0')},${money(r, standard)},${standard},${pick(r, [1, 12, 36, 7])},${pick(r, ['fibre', 'copper', 'mobile'])}`);
      }
    }
  }
  return { payees: p.join('\n'), facts: f.join('\n'), transactions: t.join('\n') };
}

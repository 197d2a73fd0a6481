// The bench's exact-integer limits agree with Ratecard and with the Exact hand-written versions
// on every line, on small seeded data plus boundary rows: a step exactly met, completion exactly
// at the cap, a gate exactly reached, true half cents from non-terminating ratios (13/12, 1/3),
// negative halves, equal growths, and values near 2^53 (a product past it done in BigInt, a sum
// past it or a fact beyond it handed to the Exact version).
import { describe, expect, it } from 'vitest';
import { type BenchLine, benchLines, differences, keyed } from '../../bench/bench-line.js';
import { privateLineDataset, privateLinePolicy } from '../../bench/compare-private-line.js';
import { monthsOf, ruralPolicy } from '../../bench/compare-rural.js';
import { handWrittenPrivateLine } from '../../bench/hand-written-private-line.js';
import { handWrittenRural } from '../../bench/hand-written-rural.js';
import { integerPrivateLine, integerPrivateLineFallbacks } from '../../bench/integer-private-line.js';
import { integerFallbacks, integerRural, RURAL_RULES } from '../../bench/integer-rural.js';
import { BenchColumns, linesOfColumns } from '../../bench/bench-columns.js';
import { privateLineRows } from '../../bench/private-line-data.js';
import { RURAL_FACTS_HEADER, RURAL_PAYEES_HEADER, RURAL_YEAR, period, ruralRows } from '../../bench/rural-data.js';
import { type Dataset, type Exact, readDataset, settle, settleColumns } from '../../engine/index.js';

const ratecard = (policy: ReturnType<typeof ruralPolicy>, dataset: Dataset): BenchLine[] =>
  benchLines(settle(policy, dataset, { detail: 'amounts' }).lines);

describe('rural-contract in exact integers', () => {
  const policy = ruralPolicy();
  type Month = Partial<Record<'plan' | 'actual' | 'billed' | 'due' | 'collected' | 'arrears', string>>;
  /** A payee's 12 facts rows: plan = actual = 1000, 1000 billed lines, nothing else, except `months[k]` for month k + 1. */
  const boundary = (id: string, months: Record<number, Month>) => Array.from({ length: 12 }, (_, k) => {
    const m = { plan: '1000', actual: '1000', billed: '1000', due: '0', collected: '0', arrears: '0', ...months[k + 1] };
    return [period(RURAL_YEAR, k + 1), id, m.plan, m.actual, m.billed, 0, 0, 0, m.due, m.collected, m.arrears].join(',');
  });
  const boundaries: Record<string, Record<number, Month>> = {
    // completion 0.99 is exactly one step; 0.70 is 30 steps (capped at 30 %); 1.30 is the cap; 1 pays no over-completion
    B01: { 1: { actual: '990' }, 2: { actual: '700' }, 3: { actual: '1310' }, 4: { actual: '1300' }, 5: { due: '500', collected: '490' }, 6: { due: '500', collected: '489.99' }, 7: { plan: '3000', actual: '2999' } },
    // 13/12 of the plan with a base of 1.50: 0.125 exactly, rounded up; 0.005 and 0.015 and −0.015 likewise
    B02: { 1: { billed: '1', plan: '1200', actual: '1300' }, 2: { collected: '0.50', arrears: '0.50' }, 3: { arrears: '-0.50' }, 4: { plan: '300', actual: '200' }, 12: { actual: '1000.10' } },
    // arrears of 2^53 − 1 cents: × 0.03 passes 2^53, done in BigInt
    B03: { 2: { arrears: '90071992547409.91' }, 5: { arrears: '90071992547409.89' } },
    // plans and actuals of 2^52 cents: the year's sums pass 2^53 (Exact version)
    B04: Object.fromEntries(Array.from({ length: 12 }, (_, k) => [k + 1, { plan: '45035996273704.96', actual: k === 4 ? '45035996273704.95' : '45035996273704.97' }])),
    // a fact beyond 2^53 cents, and one with a third place (Exact version)
    B05: { 3: { arrears: '900719925474099.99' } },
    B06: { 3: { collected: '490.005', due: '500' } },
    // 0.06 deducted in Q1 and in Q2 on a base of 1.50; met at the 9th month: 0.6 × 0.06 → 0.04 and 0.8 × 0.06 → 0.05, each quarter rounded
    B07: { 1: { billed: '1', actual: '980' }, 4: { billed: '1', actual: '980' }, 7: { actual: '1040' } },
  };
  const seeded = ruralRows(7, 0, 60);
  const ids = Object.keys(boundaries);
  const dataset = (() => {
    const result = readDataset({
      payees: { file: 'payees.csv', text: [RURAL_PAYEES_HEADER, ...seeded.payees, ...ids.map((id) => `${id},Boundary ${id},rural_contract,north,county-0001`)].join('\n') },
      facts: { file: 'facts.csv', text: [RURAL_FACTS_HEADER, ...seeded.facts, ...ids.flatMap((id) => boundary(id, boundaries[id]))].join('\n') },
    }, policy);
    if (!result.ok) throw new Error(result.diagnostics[0].message);
    return result.dataset;
  })();
  const byHand = (f: (id: string, year: number, months: Exact[][], out: BenchLine[]) => void) => {
    const out: BenchLine[] = [];
    for (const p of dataset.covered) f(p.payeeId, RURAL_YEAR, monthsOf(dataset, p.payeeId), out);
    return out;
  };

  it('agrees with Ratecard and with the Exact version on every line', () => {
    const fallbacks = integerFallbacks.payees;
    const ours = ratecard(policy, dataset);
    const integer = byHand(integerRural);
    expect(integer.length).toBe(ours.length);
    expect(differences(ours, integer, ['ratecard', 'integer'])).toEqual([]);
    expect(differences(byHand(handWrittenRural), integer, ['exact', 'integer'])).toEqual([]);
    // B04, B05 and B06 only are handed to the Exact version
    expect(integerFallbacks.payees - fallbacks).toBe(3);
  });

  it('writes the same lines as columns, the payees handed to Exact included, as Ratecard\'s columns', () => {
    const columns = new BenchColumns(dataset.covered.map((p) => p.payeeId), RURAL_RULES.map((id) => ({ id })));
    dataset.covered.forEach((p, i) => integerRural(p.payeeId, RURAL_YEAR, monthsOf(dataset, p.payeeId), columns, i));
    const objects = byHand(integerRural);
    expect(linesOfColumns(columns)).toEqual(objects);
    const ours = settleColumns(policy, dataset);
    expect(ours.rules.map((r) => r.id)).toEqual([...RURAL_RULES]);
    expect(differences(linesOfColumns(ours), objects, ['ratecard columns', 'integer'])).toEqual([]);
  });

  it('rounds the boundary rows as the policy says', () => {
    const lines = keyed(byHand(integerRural)).amounts;
    const at = (month: number, id: string, line: string) => lines.get(`${period(RURAL_YEAR, month)}/${id}/${line}`);
    expect(at(1, 'B01', 'under_completion')).toBe('-30.00'); // 2 % of a base of 1,500.00
    expect(at(2, 'B01', 'under_completion')).toBe('-450.00'); // capped at 30 %
    expect(at(3, 'B01', 'over_completion')).toBe('450.00'); // capped at 1.30
    expect(at(4, 'B01', 'over_completion')).toBe('450.00'); // exactly 1.30
    expect(at(5, 'B01', 'fee_collection')).toBe('4.90'); // collected / due exactly 0.98
    expect(at(6, 'B01', 'fee_collection')).toBeUndefined();
    expect(at(7, 'B01', 'under_completion')).toBeUndefined(); // shortfall 1/3000: no full step
    expect(at(1, 'B02', 'over_completion')).toBe('0.13'); // 1.50 × 1/12 = 0.125
    expect(at(2, 'B02', 'fee_collection')).toBe('0.01'); // 0.005
    expect(at(2, 'B02', 'arrears_buyout')).toBe('0.02'); // 0.015
    expect(at(3, 'B02', 'arrears_buyout')).toBe('-0.02'); // −0.015, half away from zero
    expect(at(4, 'B02', 'under_completion')).toBe('-450.00'); // shortfall 1/3: 33 steps, capped
    expect(at(12, 'B02', 'over_target')).toBe('0.01'); // 0.10 × 5 % = 0.005
    expect(at(2, 'B03', 'arrears_buyout')).toBe('2702159776422.30'); // 90,071,992,547,409.91 × 0.03 = …2.2973
    expect(at(5, 'B03', 'arrears_buyout')).toBe('2702159776422.30'); // …2.2967
    expect([at(1, 'B07', 'under_completion'), at(4, 'B07', 'under_completion'), at(9, 'B07', 'refund')]).toEqual(['-0.06', '-0.06', '0.09']); // not 0.084 → 0.08
  });
});

describe('private-line in exact integers', () => {
  const policy = privateLinePolicy();
  const seeded = privateLineRows(7, 0, 30, 30, 900);
  const month = period(RURAL_YEAR, 1);
  /** Boundary branches, their January (later months: no growth, no penalty): facts `revenue,last year,retention,audit,failed,survey days` and transactions `tariff,standard,months`. */
  const withBoundaries = (rows: Record<string, { facts: string; tx?: string[] }>) => {
    const ids = Object.keys(rows);
    return privateLineDataset(policy, {
      payees: [...seeded.payees, ...ids.map((id) => `${id},Boundary ${id},private_line_branch,north,province-01`)],
      facts: [...seeded.facts, ...ids.flatMap((id) => Array.from({ length: 12 }, (_, k) => `${period(RURAL_YEAR, k + 1)},${id},${k ? '1000,1000,1,1,0,5' : rows[id].facts}`))],
      transactions: [...seeded.transactions, ...ids.flatMap((id) => (rows[id].tx ?? []).map((t, i) => `${id}-${i},${id},${month},${t}`))],
    });
  };
  // growths 5/3 (ties on growth broken by revenue, then by id) far above the seeded growths (at most 0.43)
  const ordinary = {
    P01: { facts: '8000000,3000000,0.98,0.90,3,17', tx: ['20,100,12', '19.99,100,12', '0.10,0.50,1', '0.30,1.00,1', '3752999689475.41,3752999689475.41,12'] },
    P02: { facts: '8000000,3000000,0.979,0.899,3,17.01' },
    P03: { facts: '800000,300000,0.5,0.5,0,40' },
    P00: { facts: '8000000,3000000,1,1,0,5' },
    P04: { facts: '90071992547409.91,90071992547409.90,1,1,0,5' },
  };

  const all = (dataset: Dataset) => {
    const [ours, exact, integer]: BenchLine[][] = [ratecard(policy, dataset), [], []];
    handWrittenPrivateLine(dataset, exact);
    integerPrivateLine(dataset, integer);
    return { ours, exact, integer };
  };

  it('agrees with Ratecard and with the Exact version on every line', () => {
    const fallbacks = integerPrivateLineFallbacks.datasets;
    const { ours, exact, integer } = all(withBoundaries(ordinary));
    expect(integer.length).toBe(ours.length);
    expect(differences(ours, integer, ['ratecard', 'integer'])).toEqual([]);
    expect(differences(exact, integer, ['exact', 'integer'])).toEqual([]);
    expect(integerPrivateLineFallbacks.datasets).toBe(fallbacks);

    const lines = keyed(integer).amounts;
    const at = (id: string, line: string) => lines.get(`${month}/${id}/${line}`);
    // 20 × 0.05 × 12 = 12; 0.10 × 0.05 = 0.005 → 0.01; 0.30 × 0.05 = 0.015 → 0.02; the last is
    // 3,752,999,689,475.41 × 0.6 (its product with 12 months and 5 % passes 2^53: BigInt) = …285.246
    expect(at('P01', 'new_lines')).toBe('2251799813697.28');
    expect(at('P01', 'retention')).toBeUndefined(); // exactly at the gate
    expect(at('P01', 'audit')).toBeUndefined();
    expect(at('P01', 'survey_time')).toBeUndefined(); // exactly at the limit
    expect(at('P02', 'retention')).toBe('-2000.00');
    expect(at('P02', 'audit')).toBe('-1500.00');
    expect(at('P02', 'survey_time')).toBe('-100.00'); // 0.01 of a day over: one day started
    expect(at('P03', 'survey_time')).toBe('-1000.00'); // capped
    // equal growths: the larger revenue first, then the smaller payee id
    expect([at('P00', 'growth_rank'), at('P01', 'growth_rank'), at('P02', 'growth_rank'), at('P03', 'growth_rank')]).toEqual(['10000.00', '6000.00', '3000.00', undefined]);
  });

  it('hands a dataset with a value beyond 2^53 cents to the Exact version, with the same lines', () => {
    const fallbacks = integerPrivateLineFallbacks.datasets;
    const { ours, integer } = all(withBoundaries({ ...ordinary, P05: { facts: '1000,1000,1,1,0,5', tx: ['900719925474099.99,1,1'] } }));
    expect(integerPrivateLineFallbacks.datasets).toBe(fallbacks + 1);
    expect(differences(ours, integer, ['ratecard', 'integer'])).toEqual([]);
    expect(keyed(integer).amounts.get(`${month}/P05/new_lines`)).toBe('45035996273705.00');
  });
});

// The generated reader of a rank metric's keys places every payee as the reference closures do:
// random revenues (many equal growths, near-equal growths, negative and zero revenues), values
// past 2^53 cents (the reader bails, the closures read them exactly), decimals in the facts; a
// revenue of nothing last year fails with the same located error either way.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CompiledPolicy, loadPolicy } from '../../../engine/index.js';
import type { CompiledMetric } from '../../../engine/compile/plan.js';
import { newPayeeState, rangeMonths, resolveRange, settle } from '../../../engine/settle/settle.js';
import { placesOf } from '../../../engine/settle/rank-in-process.js';
import { datasetOf, policyOf } from '../../fixtures/scenario.js';
import { POLICY } from './ranking-policy.js';

const ranking = (): CompiledPolicy => {
  const loaded = loadPolicy({ file: 'inline.yaml', text: POLICY });
  if (!loaded.ok) throw new Error('ranking policy does not load');
  return loaded.policy;
};

/** Each rank metric's places over `facts` (`period,payee_id,revenue,last_year` rows), by the reader and by the closures. */
function placesBoth(policy: CompiledPolicy, facts: string[]) {
  const ids = [...new Set(facts.map((f) => f.split(',')[1]))];
  const dataset = datasetOf(policy, {
    payees: { file: 'payees.csv', text: `payee_id,channel_type\n${ids.map((id) => `${id},private_line_branch`).join('\n')}\n` },
    facts: { file: 'facts.csv', text: `period,payee_id,revenue,last_year\n${facts.join('\n')}\n` },
  });
  const months = rangeMonths(resolveRange(dataset, {}, policy.plan.lookback));
  const ranked = policy.plan.metrics.filter((m): m is CompiledMetric & { rank: object } => m.rank !== undefined);
  const of = (generated: boolean) => ranked.map((m) => [...placesOf(generated ? m.rank : { by: m.rank.by }, dataset.covered.map((p) => newPayeeState(p, dataset)), months, policy.plan.metrics)]);
  return { generated: of(true), closures: of(false) };
}

const cents = fc.oneof(
  fc.integer({ min: -5, max: 5 }).map((k) => 30000 + k), // many equal and near-equal growths
  fc.integer({ min: -100000000, max: 100000000 }),
  fc.constantFrom(0, 1, -1, 2 ** 53 - 1, 2 ** 53 + 1, 10 ** 18), // past 2^53 cents: read exactly by the closures
);
const money = (c: number) => (c < 0 ? '-' : '') + `${BigInt(Math.abs(c)) / 100n}.${String(BigInt(Math.abs(c)) % 100n).padStart(2, '0')}`;

describe('generated rank keys', () => {
  it('private-line reads growth and revenue in generated code, no key by a closure', () => {
    const metric = policyOf('private-line').plan.metrics.find((m) => m.name === 'growth_position')!;
    expect(metric.rank?.integer?.read).toBeTypeOf('function');
    expect(metric.rank?.integer?.fallback).toEqual([]);
  });

  it('places every payee as the closures do', () => {
    const policy = ranking();
    fc.assert(fc.property(
      fc.array(fc.tuple(cents, cents.filter((c) => c !== 0), fc.integer({ min: 1, max: 2 })), { minLength: 1, maxLength: 40 }),
      (rows) => {
        const facts = rows.map(([revenue, last, month], i) => `2025-0${month},B${String(i).padStart(2, '0')},${money(revenue)},${money(last)}`);
        // every payee in both months (a payee without a month's facts is not ranked in it)
        const both = facts.flatMap((f) => [f.replace(/^2025-0\d/, '2025-01'), f.replace(/^2025-0\d/, '2025-02')]);
        const { generated, closures } = placesBoth(policy, both);
        expect(generated).toEqual(closures);
      },
    ), { numRuns: 150 });
  });

  it('reads decimals with more places than cents through the closures, exactly', () => {
    const policy = loadPolicy({ file: 'inline.yaml', text: POLICY.replace('revenue: { type: money }', 'revenue: { type: number }') });
    if (!policy.ok) throw new Error('policy does not load');
    const { generated, closures } = placesBoth(policy.policy, ['2025-01,B1,400.001,300', '2025-01,B2,400.0009,300', '2025-01,B3,400,300']);
    expect(generated).toEqual(closures);
    expect(generated[0]).toEqual([1, 2, 3]);
  });

  it('fails on a revenue of nothing last year as the closures do', () => {
    const policy = ranking();
    const dataset = datasetOf(policy, {
      payees: { file: 'payees.csv', text: 'payee_id,channel_type\nB1,private_line_branch\nB2,private_line_branch\n' },
      facts: { file: 'facts.csv', text: 'period,payee_id,revenue,last_year\n2025-01,B1,400,300\n2025-01,B2,200,0\n' },
    });
    expect(() => settle(policy, dataset)).toThrow(/growth|zero|divi/i);
  });
});

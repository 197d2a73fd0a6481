// Explanations written from generated integers (compile/integer/generate-explain.ts,
// evaluate/explain-integers.ts) are the reference closures' byte for byte: numbers written from
// numerators and denominators as `Exact` writes them, and whole statements (lines, withheld
// items, unpaid items, totals) in explanation detail, English and 简体中文, on the bundled
// scenarios, on random policies, at half cents and past 2^53 where the generated code bails.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CompiledPolicy, type Dataset, Exact, localizeStatement, settle, type SettleOptions, unitsOf } from '../../../engine/index.js';
import { ratioText } from '../../../engine/evaluate/explain-number.js';
import { lineExplainers } from '../../../engine/evaluate/explain-line.js';
import { SCENARIOS, datasetOf, folderDataset, policyOf } from '../../fixtures/scenario.js';
import { randomInput } from '../evaluate/random-input.js';

/** The statement in explanation detail, in both languages, or the error it stops with. */
function statements(policy: CompiledPolicy, dataset: Dataset, options: SettleOptions): string[] {
  try {
    const s = settle(policy, dataset, { detail: 'explanation', ...options });
    return [JSON.stringify(s), JSON.stringify(localizeStatement(s, 'zh-CN', { units: unitsOf(policy) }))];
  } catch (e) {
    return [`error: ${e instanceof Error ? e.message : String(e)}`];
  }
}

/** Fast explanations = the reference closures', with and without unpaid items. */
function expectSame(policy: CompiledPolicy, dataset: Dataset, what: string): void {
  for (const unpaid of [false, true]) {
    expect(statements(policy, dataset, { unpaid }), `${what}, unpaid ${unpaid}`).toEqual(statements(policy, dataset, { unpaid, engine: 'reference' }));
  }
}

describe('numbers written from integers', () => {
  it('are the text of the same exact value', () => {
    const cases: [number, number][] = [
      [0, 1], [-0, 7], [0, 100], [5, 1], [-5, 1], [150, 100], [-150, 100], [1, 3], [-2, 3], [2, 6], [62760, 71900],
      [1703, 200], [7, 8], [1, 2 ** 20], [3, 5 ** 15], [1, 2 ** 48 * 3], [1, 2 ** 49 * 3], [2 ** 53 - 1, 3], [-(2 ** 53 - 1), 7],
      [2 ** 53 - 1, 100], [2 ** 53 - 1, 2 ** 52], [123456789, 1000000000000], [1, 10 ** 15], [1, 2 ** 16 * 10 ** 15], [10 ** 15, 10 ** 15 * 3],
      // cut places: zeros in the first six, in the last six, all twelve; divisors either side of 2^53 / 10^6
      [1, 3 * 10 ** 7], [-1, 3 * 10 ** 7], [1, 3 * 10 ** 13], [1, 7 * 10 ** 6], [7, 9], [1234567, 9007199253], [1234567, 9007199255], [-5, 2 ** 48 * 3 - 1],
    ];
    for (const [n, d] of cases) expect(ratioText(n, d), `${n}/${d}`).toBe(Exact.ratio(n, d).toString());
    const safe = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
    const denominator = fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
      fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 20 }), fc.constantFrom(1, 3, 7, 9, 11)).map(([a, b, k]) => Math.min(2 ** a * 5 ** b * k, Number.MAX_SAFE_INTEGER)));
    fc.assert(fc.property(safe, denominator, (n, d) => ratioText(n, d) === Exact.ratio(n, d).toString()), { numRuns: 20_000, seed: 20251202 });
  });
});

describe('explanations from generated integers = reference closures', () => {
  it('are written from integers for the rural policy, its conditions\' steps included', () => {
    const plan = policyOf('rural-contract').plan;
    // written from integers: when read (pooled) or at once (fromUnits)
    const fast = lineExplainers(plan).map((e, i) => [plan.rules[i].id, !!(e?.pooled ?? e?.fromUnits)]);
    expect(fast.filter(([, f]) => f).map(([id]) => id)).toEqual(['maintenance', 'development', 'over_completion', 'under_completion', 'fee_collection', 'arrears_buyout', 'over_target']);
  });

  for (const name of SCENARIOS) {
    it(`on the ${name} scenario`, () => {
      const policy = policyOf(name);
      expectSame(policy, folderDataset(policy, `data/scenarios/${name}`), name);
    });
  }

  it('on random policies and data with boundaries', () => {
    let fast = 0;
    fc.assert(fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
      const { policy, dataset } = randomInput(seed, 6);
      fast += lineExplainers(policy.plan).filter((e) => e?.pooled ?? e?.fromUnits).length;
      expectSame(policy, dataset, `seed ${seed}`);
    }), { numRuns: 60, seed: 20251203 });
    // the property ran over explanations from generated integers, not only over fallbacks
    expect(fast).toBeGreaterThan(60);
  }, 300_000); // a limit for a loaded machine, not a timing assertion

  it('at half cents, exact targets and gates, and past 2^53 where the generated code bails', () => {
    const policy = policyOf('rural-contract');
    const header = 'period,payee_id,revenue_plan,revenue_actual,billed_lines,new_lines,new_broadband,installs,fees_due,fees_collected,arrears_bought_out';
    const rows = [
      // half cents: 0.01 × 38591.50 and 0.03 × 1703.50 end in 5 at the third place
      '2025-01,R01,70000,70000,2755,28,3,35,38591.50,38591.50,1703.50',
      // completion just under, at and just over 1; the fee gate exactly at 0.98; nothing due
      '2025-02,R01,70000,69999.99,2333,15,9,18,100,98,0.01',
      '2025-03,R01,70000,70000.01,2333,15,9,18,0,5,0',
      // a count whose price passes 2^53 cents, an amount past it: the closures explain these
      '2025-04,R01,70000,91000,9007199254740991,1,1,1,100,99,90071992547409.91',
      '2025-05,R01,3,1,1,1,1,1,3,1,0',
      '2025-06,R01,7,6,1,0,0,0,7,6.86,0',
    ];
    const dataset = datasetOf(policy, {
      payees: { file: 'payees.csv', text: 'payee_id,name,channel_type,region,parent_id\nR01,Rural point R01,rural_contract,south,county-01' },
      facts: { file: 'facts.csv', text: [header, ...rows].join('\n') },
    });
    expectSame(policy, dataset, 'boundaries');
    const lines = settle(policy, dataset, { detail: 'explanation' }).lines;
    // the boundaries were reached: a half cent rounded, a cut ratio, a line past 2^53
    expect(lines.some((l) => l.explanation.includes('385.915 → 385.92'))).toBe(true);
    expect(lines.some((l) => l.explanation.includes('completion 0.333333333333… < 1'))).toBe(true);
    expect(lines.some((l) => l.explanation.includes('because nothing due: fees_due 0 = 0'))).toBe(true);
    expect(lines.some((l) => l.line === 'maintenance' && l.amount.length > 16)).toBe(true);
  });
});

// The postal competition award with random tier lists (a parameter file replaces the list): it
// is the award of the highest tier whose min the offset completion reaches, none below the
// lowest — computed here independently for every scenario month.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exact } from '../../../engine/index.js';
import { settleScenario } from '../../fixtures/scenario.js';

// offset completion of every postal month: (Σ card sales + fees) / (card target + fee target)
const COMPLETION: Record<string, string> = {
  '2025-01 P01': '0.97', '2025-02 P01': '1.13', '2025-03 P01': '0.97', '2025-01 P02': '0.85', '2025-02 P02': '0.85', '2025-03 P02': '1.13',
  '2025-01 P03': '1.3', '2025-02 P03': '1.04', '2025-03 P03': '1.21', '2025-01 P04': '0.85', '2025-02 P04': '1.04', '2025-03 P04': '0.85',
};

const tiers = fc.uniqueArray(fc.integer({ min: 80, max: 140 }), { minLength: 1, maxLength: 4 })
  .chain((mins) => fc.tuple(fc.constant(mins), fc.array(fc.integer({ min: 1, max: 9999 }), { minLength: mins.length, maxLength: mins.length })))
  .map(([mins, awards]) => mins.map((m, i) => ({ min: (m / 100).toFixed(2), award: String(awards[i]) })));

describe('reached tiers', () => {
  it('pay the award of the highest min reached, for any tier list', () => {
    fc.assert(fc.property(tiers, (list) => {
      const overrides = `competition_tiers:\n${list.map((t) => `  - { min: ${t.min}, award: ${t.award} }`).join('\n')}\n`;
      const statement = settleScenario('postal-agency', overrides);
      const got = Object.fromEntries(statement.lines.filter((l) => l.line === 'competition').map((l) => [`${l.period} ${l.payeeId}`, l.amount]));
      const expected: Record<string, string> = {};
      for (const [key, c] of Object.entries(COMPLETION)) {
        const reached = list.filter((t) => Exact.parse(t.min).lte(Exact.parse(c)))
          .sort((a, b) => Exact.parse(b.min).cmp(Exact.parse(a.min)))[0];
        if (reached) expected[key] = Exact.parse(reached.award).toFixed(2);
      }
      expect(got).toEqual(expected);
    }), { numRuns: 40 });
  });
});

// A refund finds the quarters it returned before by reading each source `YYYY-Qn` in place:
// the same answer as comparing with the text it would make.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isQuarter } from '../../../engine/evaluate/refund-units.js';

describe('isQuarter', () => {
  it('is `source === `${year}-Q${quarter}`` for near misses and random text', () => {
    const cases: [string, number, number][] = [
      ['2025-Q1', 2025, 1], ['2025-Q1', 2025, 2], ['2025-Q1', 2024, 1], ['12025-Q1', 2025, 1], ['025-Q1', 2025, 1],
      ['2025Q1', 2025, 1], ['2025-q1', 2025, 1], ['2025-Q', 2025, 1], ['', 2025, 1], ['0-Q3', 0, 3], ['-1-Q2', -1, 2], ['999-Q4', 999, 4],
    ];
    for (const [s, y, q] of cases) expect(isQuarter(s, y, q), `${s} ${y} ${q}`).toBe(s === `${y}-Q${q}`);
    fc.assert(fc.property(fc.integer({ min: -5, max: 12000 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: -5, max: 12000 }), fc.integer({ min: 0, max: 9 }), fc.string({ maxLength: 9 }),
      (y, q, y2, q2, junk) => {
        for (const s of [`${y2}-Q${q2}`, `${y}-Q${q}`, junk, `${junk}${y}-Q${q}`]) expect(isQuarter(s, y, q)).toBe(s === `${y}-Q${q}`);
      }), { numRuns: 2000 });
  });
});

// `n/d` text carries any Exact value across a thread or process boundary without loss (rank
// keys of a run in parts), small or BigInt-sized.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exact } from '../../../engine/exact/exact.js';

describe('Exact as a fraction', () => {
  it('reads back what it writes, exactly', () => {
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 25n }), (n, d) => {
      const x = Exact.ratio(n, d);
      expect(Exact.fromFraction(x.toFraction()).eq(x)).toBe(true);
    }));
    expect(Exact.of(1).div(Exact.of(3)).toFraction()).toBe('1/3');
    expect(Exact.parse('-2.5').toFraction()).toBe('-5/2');
  });
  it('rejects other text', () => {
    expect(() => Exact.fromFraction('0.333…')).toThrow(/not a fraction: `0.333…`/);
    expect(() => Exact.fromFraction('1/0')).toThrow(/division by zero/);
  });
});

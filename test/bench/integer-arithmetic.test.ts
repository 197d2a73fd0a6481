// The bench's integer arithmetic against a BigInt reference, on random integers up to 2^53:
// rounding half away from zero, floors and ceilings, products past 2^53, and ratio comparisons
// by cross-multiplication and by continued fractions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ceilDiv, centsText, compareRatios, compareRatiosEuclid, floorDiv, mulDivFloor, mulDivRound, OutOfRange, roundDiv } from '../../bench/integer-arithmetic.js';
import { Exact } from '../../engine/index.js';

const MAX = Number.MAX_SAFE_INTEGER;
const int = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -MAX, max: MAX }));
const positive = fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: MAX }));
const big = BigInt;
const sign = (x: bigint) => (x < 0n ? -1 : x > 0n ? 1 : 0);

/** ⌊n / d⌋ and n / d rounded half away from zero, in BigInt. */
const floorBig = (n: bigint, d: bigint) => (n >= 0n ? n / d : -((-n + d - 1n) / d));
const roundBig = (n: bigint, d: bigint) => (n >= 0n ? (2n * n + d) / (2n * d) : -((-2n * n + d) / (2n * d)));

describe('integer arithmetic', () => {
  it('divides with one remainder: round half away from zero, floor, ceiling', () => {
    fc.assert(fc.property(int, positive, (n, d) => {
      expect(big(roundDiv(n, d))).toBe(roundBig(big(n), big(d)));
      expect(big(floorDiv(n, d))).toBe(floorBig(big(n), big(d)));
      expect(big(ceilDiv(n, d))).toBe(-floorBig(-big(n), big(d)));
    }), { numRuns: 2000 });
    expect([roundDiv(5, 10), roundDiv(-5, 10), roundDiv(4, 10), roundDiv(-15, 10)]).toEqual([1, -1, 0, -2]);
  });

  it('multiplies past 2^53 in BigInt, and refuses a result past it', () => {
    fc.assert(fc.property(int, fc.integer({ min: -1000, max: 1000 }), positive, (a, b, d) => {
      const exact = roundBig(big(a) * big(b), big(d));
      if (exact > big(MAX) || exact < -big(MAX)) expect(() => mulDivRound(a, b, d)).toThrow(OutOfRange);
      else expect(big(mulDivRound(a, b, d))).toBe(exact);
      const floor = floorBig(big(a) * big(b), big(d));
      if (floor <= big(MAX) && floor >= -big(MAX)) expect(big(mulDivFloor(a, b, d))).toBe(floor);
    }), { numRuns: 2000 });
    expect(mulDivRound(MAX, 3, 100)).toBe(270215977642230); // 2^53 − 1 cents × 3 %
  });

  it('compares ratios exactly, by cross-multiplication and by continued fractions', () => {
    const nonNegative = fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: MAX }));
    fc.assert(fc.property(nonNegative, positive, nonNegative, positive, (a, b, c, d) => {
      const expected = sign(big(a) * big(d) - big(c) * big(b));
      expect(compareRatios(a, b, c, d)).toBe(expected);
      expect(compareRatiosEuclid(a, b, c, d)).toBe(expected);
      expect(compareRatiosEuclid(a, b, a, b)).toBe(0);
    }), { numRuns: 2000 });
    // growths of revenues near 2^53 cents that differ in the last digit
    expect(compareRatiosEuclid(MAX, MAX - 1, MAX - 1, MAX - 2)).toBe(-1);
    expect(compareRatios(-1, 3, -1, 2)).toBe(1);
  });

  it('prints cents as Exact prints them', () => {
    fc.assert(fc.property(int, (c) => { expect(centsText(c)).toBe(Exact.ratio(c, 100).toFixed(2)); }), { numRuns: 2000 });
  });
});

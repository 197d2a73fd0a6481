// Fractions of safe integers ordered without BigInt (rank keys as columns) against a BigInt
// reference: random numerators of both signs up to 2^53, near-equal fractions whose cross
// products pass 2^53, equal fractions not in lowest terms, and consecutive Fibonacci ratios
// (the longest continued fractions).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareFractions } from '../../../engine/settle/compare-fractions.js';

const MAX = Number.MAX_SAFE_INTEGER;
const int = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -MAX, max: MAX }));
const positive = fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: MAX }));
const reference = (a: number, b: number, c: number, d: number) => {
  const x = BigInt(a) * BigInt(d), y = BigInt(c) * BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

describe('compareFractions', () => {
  it('orders a/b and c/d as their BigInt cross products do', () => {
    fc.assert(fc.property(int, positive, int, positive, (a, b, c, d) => {
      expect(compareFractions(a, b, c, d)).toBe(reference(a, b, c, d));
      expect(compareFractions(c, d, a, b)).toBe(reference(c, d, a, b));
    }), { numRuns: 5000 });
  });

  it('orders fractions a hair apart whose cross products pass 2^53', () => {
    fc.assert(fc.property(fc.integer({ min: 2 ** 40, max: 2 ** 52 }), fc.integer({ min: 2 ** 40, max: 2 ** 52 }), fc.integer({ min: -2, max: 2 }), fc.boolean(),
      (n, d, delta, negative) => {
        const a = negative ? -n : n, c = a + delta;
        for (const [x, y] of [[d, d + 1], [d + 1, d], [d, d]]) expect(compareFractions(a, x, c, y)).toBe(reference(a, x, c, y));
      }), { numRuns: 3000 });
  });

  it('finds equal fractions equal whatever their terms, and orders Fibonacci ratios', () => {
    fc.assert(fc.property(fc.integer({ min: -(2 ** 26), max: 2 ** 26 }), fc.integer({ min: 1, max: 2 ** 26 }), fc.integer({ min: 1, max: 2 ** 26 }), fc.integer({ min: 1, max: 2 ** 26 }),
      (n, d, k, j) => { expect(compareFractions(n * k, d * k, n * j, d * j)).toBe(0); }), { numRuns: 2000 });
    const fib = [1, 1];
    while (fib[fib.length - 1] < MAX / 2) fib.push(fib[fib.length - 1] + fib[fib.length - 2]);
    for (let i = 2; i + 3 < fib.length; i++) {
      const [a, b, c, d] = [fib[i + 1], fib[i], fib[i + 3], fib[i + 2]];
      expect(compareFractions(a, b, c, d)).toBe(reference(a, b, c, d));
      expect(compareFractions(-a, b, -c, d)).toBe(reference(-a, b, -c, d));
    }
    expect(compareFractions(-MAX, MAX, -MAX + 1, MAX - 1)).toBe(reference(-MAX, MAX, -MAX + 1, MAX - 1));
  });
});

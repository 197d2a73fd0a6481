// Amount text from integer units is the text Exact.toFixed gives, at every scale, sign and size
// (the cents fast path included), and exact units of an Exact are found only when they exist.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exact } from '../../../engine/index.js';
import { unitsText } from '../../../engine/evaluate/unit-sums.js';
import { exactUnits } from '../../../engine/compile/runtime.js';

describe('unitsText', () => {
  it('is Exact.toFixed of units / 10^scale', () => {
    fc.assert(fc.property(fc.maxSafeInteger(), fc.integer({ min: 0, max: 6 }), (units, scale) => {
      expect(unitsText(units, scale)).toBe(Exact.ratio(units, 10 ** scale).toFixed(scale));
    }), { numRuns: 2000 });
    for (const [u, s, t] of [[0, 2, '0.00'], [-5, 2, '-0.05'], [-100, 2, '-1.00'], [9007199254740991, 2, '90071992547409.91'], [7, 0, '7'], [-7, 3, '-0.007']] as const) {
      expect(unitsText(u, s)).toBe(t);
    }
  });
});

describe('exactUnits', () => {
  it('gives whole units or NaN', () => {
    expect(exactUnits(Exact.parse('12.34'), 100)).toBe(1234);
    expect(exactUnits(Exact.parse('-0.5'), 100)).toBe(-50);
    expect(exactUnits(Exact.parse('0.005'), 100)).toBeNaN();
    expect(exactUnits(Exact.parse('1e30'), 100)).toBeNaN();
    expect(exactUnits(Exact.parse('90071992547409.92'), 100)).toBeNaN();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exact } from '../../../engine/index.js';
import { parseDecimal, percentToRate, rateToPercent } from '../../../editor/src/format/percent.js';

describe('percent ↔ rate', () => {
  it('converts exactly', () => {
    expect(rateToPercent('0.02')).toBe('2');
    expect(rateToPercent('0.025')).toBe('2.5');
    expect(rateToPercent('0.30')).toBe('30');
    expect(percentToRate('3')).toBe('0.03');
    expect(percentToRate('2.5 %')).toBe('0.025');
    expect(percentToRate('0.07')).toBe('0.0007');
    // 0.1 + 0.2 style traps: 7 % is 0.07, not 0.07000000000000001
    expect(percentToRate('7')).toBe('0.07');
    expect(percentToRate('56.1')).toBe('0.561');
  });

  it('refuses text that is not a number', () => {
    expect(percentToRate('2,5')).toBeUndefined();
    expect(percentToRate('abc')).toBeUndefined();
    expect(percentToRate('')).toBeUndefined();
    expect(parseDecimal('1e3')).toBeUndefined();
    expect(parseDecimal('¥1,234.50')).toBe('1234.50');
  });

  it('round-trips every decimal with up to 6 places', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 6 }), (n, scale) => {
      const rate = Exact.ratio(n, 10 ** scale).toString();
      const back = percentToRate(rateToPercent(rate));
      expect(back).toBeDefined();
      expect(Exact.parse(back!).eq(Exact.parse(rate))).toBe(true);
    }));
  });
});

// Bounded work: a written number beyond 30 digits, 30 integer digits or 30 places is refused
// with a message naming the limit; a computed value past the bit limit throws ExactLimitError
// instead of growing for minutes; printing a long decimal is one conversion, not a loop per place.
import { describe, expect, it } from 'vitest';
import { configureExactLimits, decimalInputProblem as problemOf, DEFAULT_EXACT_LIMITS, Exact, ExactLimitError, exactLimits } from '../../../engine/exact/exact.js';
import { render } from '../../../engine/messages/render.js';

/** The problem's English text (undefined when there is none). */
const decimalInputProblem = (text: string) => { const m = problemOf(text); return m && render(m); };

describe('limits on written numbers', () => {
  it('says each limit in Chinese too', () => {
    expect(render(problemOf('1e1000000')!, 'zh-CN')).toBe('`1e1000000` 太大：整数部分超过了 30 位的限制');
    expect(render(problemOf('1e-10000')!, 'zh-CN')).toBe('`1e-10000` 太精确：超过了 30 位小数的限制');
    expect(render(problemOf('7'.repeat(5000))!, 'zh-CN')).toBe('`77777777777777777777…` 有 5,000 位有效数字，超过了数字最多 30 位的限制');
    let error: unknown;
    try { Exact.parse('1').round(1_000_000, 'half-up'); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(ExactLimitError);
    expect(render((error as ExactLimitError).text, 'zh-CN')).toBe('无法舍入到 1000000 位小数');
  });

  it('refuses huge, tiny and long numbers with a message naming the limit', () => {
    expect(decimalInputProblem('1e1000000')).toBe('`1e1000000` is too large: over the limit of 30 digits before the decimal point');
    expect(decimalInputProblem('1e999999999')).toBe('`1e999999999` is too large: over the limit of 30 digits before the decimal point');
    expect(decimalInputProblem('-1e99999999999999999999999999')).toBe('`-1e99999999999999999…` is too large: over the limit of 30 digits before the decimal point');
    expect(decimalInputProblem('1e-10000')).toBe('`1e-10000` is too precise: over the limit of 30 decimal places');
    expect(decimalInputProblem('9'.repeat(5000))).toBe('`99999999999999999999…` has 5,000 significant digits, over the limit of 30 digits for a number');
    expect(decimalInputProblem('0.' + '0'.repeat(30) + '1')).toBe('`0.000000000000000000…` is too precise: over the limit of 30 decimal places');
    expect(decimalInputProblem('1' + '0'.repeat(30))).toBe('`10000000000000000000…` has 31 significant digits, over the limit of 30 digits for a number');
    expect(decimalInputProblem('1e30')).toBe('`1e30` is too large: over the limit of 30 digits before the decimal point');
  });

  it('accepts every number a policy or a ledger needs, and leaves non-numbers to the caller', () => {
    for (const ok of ['0', '-12.50', '1e-3', '0.1000000000000000000001', '9'.repeat(30), '1e29', '1e-30', '0e99999999999', '0.' + '0'.repeat(29) + '1', '000000000000000000000000000000000000001', ' 12 ']) {
      expect(decimalInputProblem(ok), ok).toBeUndefined();
    }
    for (const notNumber of ['abc', '', '1e', '1.2.3', '0x1F', '.inf']) expect(decimalInputProblem(notNumber)).toBeUndefined();
  });
});

describe('limits on exact values', () => {
  it('refuses text that would expand past the bit limit before making it', () => {
    const parse = (text: string) => () => Exact.parse(text);
    expect(parse('1e999999999')).toThrow(ExactLimitError);
    expect(parse('1e-999999999')).toThrow('`1e-999999999` is too large or too precise for an exact value');
    expect(parse('1' + '0'.repeat(5000))).toThrow(ExactLimitError);
    // what the engine itself prints reads back: 1,200 digits are within 4,096 bits
    expect(Exact.parse('7'.repeat(1200)).toString()).toBe('7'.repeat(1200));
    expect(Exact.parse('0.' + '0'.repeat(5000)).isZero()).toBe(true);
  });

  it('reads long text that is not a number in one pass', () => {
    // `^\s*…\s*$` would try every split of the spaces: 10^10 steps for these
    expect(Exact.tryParse(' '.repeat(100_000) + 'x')).toBeUndefined();
    expect(Exact.tryParse('1' + ' '.repeat(100_000) + 'x')).toBeUndefined();
    expect(Exact.tryParse('  -12.50\t')?.toString()).toBe('-12.5');
  });

  it('stops a computation that squares a ratio over and over at the bit limit, naming it', () => {
    let x = Exact.ratio(1_000_003, 999_983);
    let steps = 0;
    let error: unknown;
    try {
      for (; steps < 100; steps++) x = x.mul(x);
    } catch (e) { error = e; }
    expect(error).toBeInstanceOf(ExactLimitError);
    expect((error as ExactLimitError).limit).toBe('bits');
    expect((error as Error).message).toBe('a computed value needs more than 4,096 bits (about 1,233 digits), the limit on the size of exact values');
    expect(steps).toBe(7); // the 8th squaring: 2^8 × 20 bits pass 4,096
  });

  it('can be raised for a user who needs larger values, and restored', () => {
    const big = () => Exact.of(2n).mul(Exact.of(2n ** 5000n));
    expect(big).toThrow(ExactLimitError);
    const previous = configureExactLimits({ bits: 8192 });
    try {
      expect(big().eq(Exact.of(2n ** 5001n))).toBe(true);
      expect(exactLimits().bits).toBe(8192);
    } finally { configureExactLimits(previous); }
    expect(exactLimits()).toEqual(DEFAULT_EXACT_LIMITS);
    expect(() => configureExactLimits({ bits: 0 })).toThrow('limit `bits` must be a whole number from 1 to 1000000, got 0');
  });
});

describe('printing long decimals', () => {
  it('prints a terminating value of any size exactly', () => {
    expect(Exact.ratio(1n, 10n ** 1000n).toString()).toBe('0.' + '0'.repeat(999) + '1');
    expect(Exact.ratio(-3n, 2n ** 4000n).toString()).toBe('-0.' + (3n * 5n ** 4000n).toString().padStart(4000, '0'));
    expect(Exact.ratio(7n, 2n ** 10n * 5n ** 1000n).toString()).toBe('0.' + (7n * 2n ** 990n).toString().padStart(1000, '0'));
    expect(Exact.ratio(10n ** 1200n + 1n, 1n).toString()).toBe('1' + '0'.repeat(1199) + '1');
  });

  it('prints a repeating value of any size to 12 places', () => {
    expect(Exact.ratio(1n, 3n * 10n ** 1000n).toString()).toBe('0.…');
    expect(Exact.ratio(10n ** 1000n, 3n).toString()).toBe('3'.repeat(1000) + '.333333333333…');
    expect(Exact.ratio(1n, 5n ** 600n * 7n).toString()).toBe('0.…');
  });

  it('refuses to round to more places than any value can hold', () => {
    expect(() => Exact.ONE.toFixed(10_000_000)).toThrow('cannot round to 10000000 decimal places');
    expect(Exact.ratio(1, 3).toFixed(50)).toBe('0.' + '3'.repeat(50));
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Fraction from 'fraction.js';
import { Exact, ROUNDING_MODES } from '../../../engine/exact/exact.js';

const e = (s: string) => Exact.parse(s);

describe('Exact arithmetic is exact where binary floats are not', () => {
  it('0.1 + 0.2 is 0.3', () => expect(e('0.1').add(e('0.2')).toString()).toBe('0.3'));
  it('(0.9 - 0.8) / 0.05 is exactly 2', () => expect(e('0.9').sub(e('0.8')).div(e('0.05')).eq(Exact.of(2))).toBe(true));
  it('1/3 × 3 is 1, so a true half cent is not lost to early division', () => {
    expect(Exact.of(1).div(Exact.of(3)).mul(Exact.of(3)).eq(Exact.ONE)).toBe(true);
    // 0.015 reached through a division still rounds half-up to 0.02
    expect(e('0.045').div(Exact.of(3)).toFixed(2)).toBe('0.02');
  });
  it('rounds half away from zero in half-up mode', () => {
    expect(e('2.345').toFixed(2)).toBe('2.35');
    expect(e('-2.345').toFixed(2)).toBe('-2.35');
    expect(e('2.344999').toFixed(2)).toBe('2.34');
  });
  it('supports every rounding mode', () => {
    const v = e('-2.5');
    expect(ROUNDING_MODES.map((m) => v.toFixed(0, m))).toEqual(['-3', '-2', '-2', '-3', '-3', '-2']);
  });
  it('prints terminating decimals exactly and marks repeating ones', () => {
    expect(e('1.50').toString()).toBe('1.5');
    expect(Exact.of(2).div(Exact.of(3)).toString()).toBe('0.666666666666…');
    expect(e('-0.05').toString()).toBe('-0.05');
  });
  it('rejects text that is not a number', () => {
    for (const bad of ['', '2%', '1,000', 'abc', '.', '--1']) expect(Exact.tryParse(bad)).toBeUndefined();
    expect(() => Exact.of(1).div(Exact.ZERO)).toThrow(/division by zero/);
  });
  it('moves to BigInt past 2^53 and back', () => {
    const big = e('9007199254740993'); // 2^53 + 1
    expect(big.add(Exact.ONE).toString()).toBe('9007199254740994');
    expect(big.sub(big).isZero()).toBe(true);
    expect(e('123456789012.34').mul(e('98765432101.23')).toFixed(2)).toBe('12193263112634144182599.18');
  });
});

// fraction.js (BigInt rationals) is the oracle: every operation must agree with it exactly.
const decimalText = fc
  .tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 8 }))
  .map(([units, scale]) => {
    const neg = units < 0n;
    const digits = (neg ? -units : units).toString().padStart(scale + 1, '0');
    return `${neg ? '-' : ''}${digits.slice(0, digits.length - scale)}${scale ? '.' + digits.slice(digits.length - scale) : ''}`;
  });
const smallDecimal = fc
  .tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 4 }))
  .map(([u, s]) => (u / 10 ** s).toFixed(s));


function same(x: Exact, f: Fraction) {
  // compare through a long fixed rendering: equal rationals render equally at every scale
  expect(x.toFixed(30)).toBe(fixed(f, 30));
}
function fixed(f: Fraction, scale: number): string {
  const n = BigInt(f.s) * BigInt(f.n), d = BigInt(f.d);
  const p = 10n ** BigInt(scale);
  let q = (n * p) / d;
  const r = n * p - q * d;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= d) q += n < 0n ? -1n : 1n;
  const neg = q < 0n;
  const digits = (neg ? -q : q).toString().padStart(scale + 1, '0');
  return `${neg ? '-' : ''}${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
}

describe('Exact agrees with fraction.js on random decimals', () => {
  for (const [name, gen] of [['small', smallDecimal], ['large', decimalText]] as const) {
    it(`add, sub, mul, div, cmp (${name})`, () => {
      fc.assert(
        fc.property(gen, gen, (a, b) => {
          const x = e(a), y = e(b), fx = new Fraction(a), fy = new Fraction(b);
          same(x.add(y), fx.add(fy));
          same(x.sub(y), fx.sub(fy));
          same(x.mul(y), fx.mul(fy));
          if (!y.isZero()) same(x.div(y), fx.div(fy));
          expect(x.cmp(y)).toBe(fx.compare(fy) < 0 ? -1 : fx.compare(fy) > 0 ? 1 : 0);
        }),
        { numRuns: 500 },
      );
    });
  }
  it('a chain of divisions then multiplications rounds once, like the oracle', () => {
    fc.assert(
      fc.property(smallDecimal, smallDecimal, smallDecimal, (a, b, c) => {
        fc.pre(!e(b).isZero());
        const x = e(a).div(e(b)).mul(e(c));
        const f = new Fraction(a).div(new Fraction(b)).mul(new Fraction(c));
        expect(x.toFixed(2)).toBe(fixed(f, 2));
      }),
      { numRuns: 500 },
    );
  });
});

describe('toString of repeating decimals', () => {
  it('prints 12 truncated places through the small-integer path and the BigInt path alike', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e7 }), (n, d) => {
        const x = Exact.ratio(n, d);
        let rest = x.d;
        while (rest % 2 === 0) rest /= 2;
        while (rest % 5 === 0) rest /= 5;
        fc.pre(rest !== 1); // terminating decimals print exactly, tested above
        // reference: BigInt truncation to 12 places
        const units = (BigInt(x.n) * 10n ** 12n) / BigInt(x.d);
        const neg = units < 0n || (units === 0n && x.n < 0);
        const digits = (units < 0n ? -units : units).toString().padStart(13, '0');
        const ref = `${neg ? '-' : ''}${digits.slice(0, -12)}.${digits.slice(-12).replace(/0+$/, '') || '0'}…`;
        expect(x.toString()).toBe(ref);
      }),
      { numRuns: 300 },
    );
  });
});

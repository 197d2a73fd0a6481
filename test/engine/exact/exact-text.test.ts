// Decimal text in and out: the regex-free fast paths (plain decimals, fixed-point printing)
// give exactly what the general BigInt paths and fraction.js give.
import fc from 'fast-check';
import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { Exact } from '../../../engine/exact/exact.js';

const digits = (max: number) => fc.array(fc.constantFrom(...'0123456789'), { maxLength: max }).map((d) => d.join(''));
const plain = fc.tuple(fc.constantFrom('', '-', '+'), digits(12), fc.option(digits(8), { nil: undefined }))
  .map(([sign, int, frac]) => `${sign}${int}${frac === undefined ? '' : '.' + frac}`);

describe('Exact text', () => {
  it('parses plain decimals as fraction.js does, and rejects what is not a number', () => {
    fc.assert(fc.property(plain, (text) => {
      const body = text.replace(/^[-+]/, '');
      const x = Exact.tryParse(text);
      if (!/\d/.test(body)) { expect(x).toBeUndefined(); return; }
      const f = new Fraction(body.startsWith('.') ? '0' + body : body.endsWith('.') ? body.slice(0, -1) : body).mul(text.startsWith('-') ? -1 : 1);
      expect(x!.eq(Exact.ratio(BigInt(f.s * f.n), BigInt(f.d)))).toBe(true);
    }), { numRuns: 2000 });
    for (const bad of ['.', '-', '1.2.3', '1,5', '--1', '1e', 'abc', '']) expect(Exact.tryParse(bad)).toBeUndefined();
    expect(Exact.parse('  12.50 ').toString()).toBe('12.5');
    expect(Exact.parse('1e-3').toString()).toBe('0.001');
    expect(Exact.parse('-0').isZero()).toBe(true);
  });

  it('prints fixed places as the BigInt path does', () => {
    fc.assert(fc.property(fc.bigInt({ min: -(2n ** 52n), max: 2n ** 52n }), fc.integer({ min: 0, max: 6 }), (units, scale) => {
      const x = Exact.ratio(units, 10n ** BigInt(scale));
      const neg = units < 0n;
      const text = (neg ? -units : units).toString().padStart(scale + 1, '0');
      const expected = `${neg ? '-' : ''}${text.slice(0, text.length - scale)}${scale ? '.' + text.slice(text.length - scale) : ''}`;
      expect(x.toFixed(scale)).toBe(expected);
    }), { numRuns: 2000 });
  });
});

describe('Exact rounding fast paths', () => {
  const roundBig = (n: bigint, d: bigint, scale: number): bigint => {
    // half-up by hand in BigInt: the reference for round and toFixed
    const f = 10n ** BigInt(scale);
    const neg = n < 0n;
    const a = (neg ? -n : n) * f;
    let q = a / d;
    if ((a - q * d) * 2n >= d) q += 1n;
    return neg ? -q : q;
  };
  const fraction = fc.tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.constantFrom(1n, 2n, 3n, 4n, 5n, 8n, 10n, 20n, 25n, 40n, 100n, 1000n, 7n, 12n, 300n, 10n ** 6n));

  it('round and toFixed give what the BigInt reference gives, whether or not the value already has that few places', () => {
    fc.assert(fc.property(fraction, fc.integer({ min: 0, max: 6 }), ([n, d], scale) => {
      const x = Exact.ratio(n, d);
      const q = roundBig(n, d, scale);
      expect(x.round(scale).eq(Exact.ratio(q, 10n ** BigInt(scale)))).toBe(true);
      const neg = q < 0n;
      const text = (neg ? -q : q).toString().padStart(scale + 1, '0');
      const expected = `${neg && q !== 0n ? '-' : ''}${text.slice(0, text.length - scale)}${scale ? '.' + text.slice(text.length - scale) : ''}`;
      expect(x.toFixed(scale)).toBe(expected);
      expect(x.round(scale).toFixed(scale)).toBe(expected);
    }), { numRuns: 3000 });
  });
});

describe('Exact sums with an integer', () => {
  it('are in lowest terms and agree with fraction.js, near 2^53 too', () => {
    const big = fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.constantFrom(2 ** 52, -(2 ** 52), 2 ** 53 - 1, -(2 ** 53 - 1)));
    fc.assert(fc.property(big, big, fc.integer({ min: 1, max: 1e6 }), (i, n, d) => {
      const x = Exact.of(i), y = Exact.ratio(n, d);
      const f = new Fraction(i).add(new Fraction(n, d));
      for (const sum of [x.add(y), y.add(x)]) {
        expect(sum.toFraction()).toBe(`${f.s < 0 ? '-' : ''}${f.n}/${f.d}`);
      }
    }), { numRuns: 3000 });
  });
});

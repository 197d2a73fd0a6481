// A number an explanation prints, written from the numerator and denominator generated code
// computed: the text `Exact.toString` gives for the same value, without making an `Exact`
// where the value is whole or a terminating decimal (facts, parameters, most amounts).
import { Exact } from '../exact/exact.js';
import { unitsText } from './unit-sums.js';

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** n/d as `Exact.ratio(n, d).toString()` writes it: safe integers, d > 0, not necessarily reduced. */
export function ratioText(n: number, d: number): string {
  // `-0` (a product with 0) is 0
  if (d === 1) return String(n);
  // d = 2^twos · 5^fives · odd: n/d terminates when odd divides n (no gcd: one remainder)
  let odd = d, twos = 0, fives = 0;
  while (odd % 2 === 0) { odd /= 2; twos++; }
  while (odd % 5 === 0) { odd /= 5; fives++; }
  if (n % odd === 0) {
    let scale = twos > fives ? twos : fives;
    if (scale <= 15) {
      let units = (n / odd) * (POW10[scale] / (d / odd));
      if (Number.isSafeInteger(units)) {
        // the fewest places that hold it
        while (scale > 0 && units % 10 === 0) { units /= 10; scale--; }
        return unitsText(units, scale);
      }
    }
  } else if (d < 2 ** 49) return cut(n, d) + '…';
  // past what the steps above hold exactly: the value's own text
  return Exact.ratio(n, d).toString();
}

/**
 * n/d (d < 2^49) to 12 places truncated, trailing zeros dropped: the same steps as exact.ts's
 * long division, so the same digits, made without an `Exact`.
 */
function cut(n: number, d: number): string {
  let r = n < 0 ? -n : n;
  const whole = Math.floor(r / d);
  r -= whole * d;
  let places = 0, digits = 0, last = 0;
  for (let i = 1; i <= 12; i++) {
    r *= 10;
    const q = Math.floor(r / d);
    digits = digits * 10 + q;
    r -= q * d;
    if (q !== 0) last = i;
  }
  places = last;
  digits /= POW10[12 - places];
  const text = places === 0 ? '0' : String(digits).padStart(places, '0');
  return `${n < 0 ? '-' : ''}${whole}.${text}`;
}

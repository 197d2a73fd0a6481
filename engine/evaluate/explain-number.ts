// A number an explanation prints, written from the numerator and denominator generated code
// computed: the text `Exact.toString` gives for the same value, without making an `Exact`.
// It is added to the sentence's parts (joined once, explain-line.ts) as the pieces it is made of
// — sign, whole part, places from a table — so writing it makes no string but the digits.
import { Exact } from '../exact/exact.js';
import { Parts } from './explain-parts.js';

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);
const ZEROS = POW10.map((_, i) => '0'.repeat(i));
/** `.d` and `.dd`: the places of most amounts and facts, made once. */
const PLACES = [[], Array.from({ length: 10 }, (_, i) => `.${i}`), Array.from({ length: 100 }, (_, i) => `.${String(i).padStart(2, '0')}`)];

/**
 * Adds n/d as `Exact.ratio(n, d).toString()` writes it (safe integers, d > 0, not necessarily
 * reduced) to `parts`; in parentheses when `paren` and the text is not a plain name or number
 * (negative, or cut with `…`).
 */
export function pushRatio(parts: Parts, n: number, d: number, paren: boolean): void {
  // `-0` (a product with 0) is 0
  if (d === 1) {
    if (paren && n < 0) { parts.add('('); parts.add(String(n)); parts.add(')'); } else parts.add(String(n));
    return;
  }
  // d = 2^twos · 5^fives · odd: n/d terminates when odd divides n (no gcd: one remainder)
  let odd = d, twos = 0, fives = 0;
  while (odd % 2 === 0) { odd /= 2; twos++; }
  while (odd % 5 === 0) { odd /= 5; fives++; }
  if (n % odd === 0) {
    let scale = twos > fives ? twos : fives;
    let units = (n / odd) * (POW10[scale] / (d / odd));
    if (scale <= 15 && Number.isSafeInteger(units)) {
      // the fewest places that hold it
      while (scale > 0 && units % 10 === 0) { units /= 10; scale--; }
      const neg = units < 0, close = paren && neg;
      if (close) parts.add('(');
      if (scale === 0) parts.add(String(units));
      else {
        const u = neg ? -units : units, f = POW10[scale];
        const frac = u % f;
        if (neg) parts.add('-');
        parts.add(String((u - frac) / f));
        if (scale <= 2) parts.add(PLACES[scale][frac]);
        else { const digits = String(frac); parts.add('.'); parts.add(ZEROS[scale - digits.length]); parts.add(digits); }
      }
      if (close) parts.add(')');
      return;
    }
  } else if (d < 2 ** 49) { cut(parts, n, d, paren); return; }
  // past what the steps above hold exactly: the value's own text
  const text = Exact.ratio(n, d).toString();
  if (paren && (text.charCodeAt(0) === 45 || text.charCodeAt(text.length - 1) === 8230)) { parts.add('('); parts.add(text); parts.add(')'); } else parts.add(text);
}

/** n/d's text as one string (`pushRatio` joined). */
export function ratioText(n: number, d: number): string {
  const parts = new Parts();
  pushRatio(parts, n, d, false);
  return parts.text();
}

/**
 * Whether n/d writes as the rounded amount's text (`units` at `scale` places): the same value
 * with no place to drop (`385.91`, not `1340` against `1340.00`).
 */
export function writesAsRounded(n: number, d: number, units: number, scale: number, rounded: string): boolean {
  const f = POW10[scale];
  const x = n * f, y = units * d;
  if (!Number.isSafeInteger(x) || !Number.isSafeInteger(y)) return ratioText(n, d) === rounded;
  return x === y && (scale === 0 || units % 10 !== 0);
}

/**
 * n/d (d < 2^49) to 12 places truncated, trailing zeros dropped, then `…`: the same steps as
 * exact.ts's long division, so the same digits.
 */
function cut(parts: Parts, n: number, d: number, paren: boolean): void {
  let r = n < 0 ? -n : n;
  const whole = Math.floor(r / d);
  r -= whole * d;
  // the 12 places as two numbers of 6 (each a small integer: written without a double's slow path)
  let high = 0, low = 0;
  if (d <= SIX_AT_ONCE) {
    // six places per division while r · 10^6 stays below 2^53: the same exact quotients
    high = Math.floor((r * 1e6) / d);
    r = r * 1e6 - high * d;
    low = Math.floor((r * 1e6) / d);
  } else {
    for (let i = 1; i <= 12; i++) {
      r *= 10;
      const q = Math.floor(r / d);
      if (i <= 6) high = high * 10 + q; else low = low * 10 + q;
      r -= q * d;
    }
  }
  if (paren) parts.add('(');
  if (n < 0) parts.add('-');
  parts.add(String(whole));
  // trailing zeros dropped: from the low six, or all of them and then from the high six
  let places = 6;
  if (low === 0) { while (places > 0 && high % 10 === 0) { high /= 10; places--; } }
  else while (low % 10 === 0) { low /= 10; places--; }
  if (low === 0 && places === 0) parts.add('.0');
  else {
    const h = String(high);
    parts.add('.'); parts.add(ZEROS[(low === 0 ? places : 6) - h.length]); parts.add(h);
    if (low !== 0) { const l = String(low); parts.add(ZEROS[places - l.length]); parts.add(l); }
  }
  parts.add(paren ? '…)' : '…');
}

/** The largest d for which r · 10^6 (r < d) is below 2^53. */
const SIX_AT_ONCE = Math.floor(Number.MAX_SAFE_INTEGER / 1e6);

// A number an explanation prints, written from the numerator and denominator generated code
// computed: the text `Exact.toString` gives for the same value, without making an `Exact`.
// Sentences are joined by `+` (a string per number, a whole part and places from a table) and
// flattened once (explain-line.ts): an array of parts joined cost twice as much per sentence.
import { Exact } from '../exact/exact.js';

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);
const ZEROS = POW10.map((_, i) => '0'.repeat(i));
/** `.d` and `.dd`: the places of most amounts and facts, made once. */
const PLACES = [[], Array.from({ length: 10 }, (_, i) => `.${i}`), Array.from({ length: 100 }, (_, i) => `.${String(i).padStart(2, '0')}`)];

/**
 * n/d as `Exact.ratio(n, d).toString()` writes it (safe integers, d > 0, not necessarily
 * reduced); in parentheses when `paren` and the text is not a plain name or number (negative,
 * or cut with `…`).
 */
export function ratioString(n: number, d: number, paren: boolean): string {
  // `-0` (a product with 0) is 0
  if (d === 1) return paren && n < 0 ? '(' + n + ')' : '' + n;
  // most denominators are a power of ten (facts and amounts at their places): no factoring
  const tens = d === 100 ? 2 : d === 10 ? 1 : d === 10_000 ? 4 : d === 1000 ? 3 : 0;
  if (tens) return decimalText(n, tens, paren);
  // d = 2^twos · 5^fives · odd: n/d terminates when odd divides n (no gcd: one remainder)
  let odd = d, twos = 0, fives = 0;
  while (odd % 2 === 0) { odd /= 2; twos++; }
  while (odd % 5 === 0) { odd /= 5; fives++; }
  if (n % odd === 0) {
    const scale = twos > fives ? twos : fives;
    const units = (n / odd) * (POW10[scale] / (d / odd));
    if (scale <= 15 && Number.isSafeInteger(units)) return decimalText(units, scale, paren);
  } else if (d < 2 ** 49) return cut(n, d, paren);
  // past what the steps above hold exactly: the value's own text
  const text = Exact.ratio(n, d).toString();
  return paren && (text.charCodeAt(0) === 45 || text.charCodeAt(text.length - 1) === 8230) ? '(' + text + ')' : text;
}

/** units / 10^scale (a safe integer, scale ≤ 15) with the fewest places that hold it. */
function decimalText(units: number, scale: number, paren: boolean): string {
  while (scale > 0 && units % 10 === 0) { units /= 10; scale--; }
  if (scale === 0) return paren && units < 0 ? '(' + units + ')' : '' + units;
  const neg = units < 0, u = neg ? -units : units, f = POW10[scale];
  const frac = u % f;
  let text = (neg ? '-' : '') + (u - frac) / f;
  if (scale <= 2) text += PLACES[scale][frac];
  else { const digits = '' + frac; text += '.' + ZEROS[scale - digits.length] + digits; }
  return paren && neg ? '(' + text + ')' : text;
}

/** n/d's text. */
export const ratioText = (n: number, d: number): string => ratioString(n, d, false);

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
function cut(n: number, d: number, paren: boolean): string {
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
  let text = (paren ? '(' : '') + (n < 0 ? '-' : '') + whole;
  // trailing zeros dropped: from the low six, or all of them and then from the high six
  let places = 6;
  if (low === 0) { while (places > 0 && high % 10 === 0) { high /= 10; places--; } }
  else while (low % 10 === 0) { low /= 10; places--; }
  if (low === 0 && places === 0) text += '.0';
  else {
    const h = '' + high;
    text += '.' + ZEROS[(low === 0 ? places : 6) - h.length] + h;
    if (low !== 0) { const l = '' + low; text += ZEROS[places - l.length] + l; }
  }
  return text + (paren ? '…)' : '…');
}

/** The largest d for which r · 10^6 (r < d) is below 2^53. */
const SIX_AT_ONCE = Math.floor(Number.MAX_SAFE_INTEGER / 1e6);

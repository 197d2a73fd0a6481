// Exact integer arithmetic for the bench's integer limits: money as integer cents, rates as
// integers over a power of ten, one integer division with remainder wherever a value is
// rounded or floored, comparisons of ratios by cross-multiplication. Plain JS integers while a
// result provably stays below 2^53; a product that may pass it is redone in BigInt, and a
// value that cannot be held at all (a fact beyond 2^53 cents, a sum past it) throws OutOfRange
// so the caller settles that payee with Exact instead.
import type { Exact } from '../engine/index.js';

const MAX = Number.MAX_SAFE_INTEGER;
const BIG_MAX = BigInt(MAX);

/** A value left the range where integers are exact: settle the payee with Exact instead. */
export class OutOfRange extends Error {}

/** `x` when it is a safe integer. A sum or product of safe integers whose true value passes 2^53 is ≥ 2^53 as a float, so this catches every overflow. */
export function checked(x: number): number {
  if (x > MAX || x < -MAX) throw new OutOfRange(`${x} passes 2^53`);
  return x;
}

const fromBig = (x: bigint): number => {
  if (x > BIG_MAX || x < -BIG_MAX) throw new OutOfRange(`${x} passes 2^53`);
  return Number(x);
};

/** `x` in integer units of 1/`unit` (cents for 100); OutOfRange when it has more places or passes 2^53. */
export function units(x: Exact, unit: number): number {
  const d = x.d;
  if (d === unit) return x.n;
  // x.n and x.d are NaN when Exact holds the value in BigInt
  if (unit % d !== 0) throw new OutOfRange(`${x.toString()} is not a whole number of 1/${unit}`);
  return checked(x.n * (unit / d));
}

/** Numerator and denominator (d > 0) of an exact value held in JS integers; OutOfRange when it is held in BigInt. */
export function fraction(x: Exact): [number, number] {
  if (Number.isNaN(x.n)) throw new OutOfRange(`${x.toString()} is held in BigInt`);
  return [x.n, x.d];
}

/** `n / d` rounded half away from zero (四舍五入), d > 0: one integer division with remainder. */
export function roundDiv(n: number, d: number): number {
  const r = n % d; // exact for safe integers
  const q = (n - r) / d; // exact: n - r is a multiple of d
  if (2 * r >= d) return q + 1;
  if (-2 * r >= d) return q - 1;
  return q;
}

/** ⌊n / d⌋, d > 0. */
export function floorDiv(n: number, d: number): number {
  const r = n % d;
  return (n - r) / d - (r < 0 ? 1 : 0);
}

/** ⌈n / d⌉, d > 0. */
export const ceilDiv = (n: number, d: number) => -floorDiv(-n, d);

function roundDivBig(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n - q * d;
  const twice = (r < 0n ? -r : r) * 2n;
  return twice >= d && r !== 0n ? q + (n < 0n ? -1n : 1n) : q;
}

/** `a × b / d` rounded half away from zero, d > 0; the product in BigInt only when it passes 2^53. */
export function mulDivRound(a: number, b: number, d: number): number {
  const p = a * b;
  if (p <= MAX && p >= -MAX) return roundDiv(p, d);
  return fromBig(roundDivBig(BigInt(a) * BigInt(b), BigInt(d)));
}

/** ⌊a × b / d⌋, d > 0; the product in BigInt only when it passes 2^53. */
export function mulDivFloor(a: number, b: number, d: number): number {
  const p = a * b;
  if (p <= MAX && p >= -MAX) return floorDiv(p, d);
  const n = BigInt(a) * BigInt(b), bd = BigInt(d);
  const q = n / bd;
  return fromBig(n < 0n && q * bd !== n ? q - 1n : q);
}

/** Sign of a/b − c/d for b, d > 0, by cross-multiplication (in BigInt only when a product passes 2^53). */
export function compareRatios(a: number, b: number, c: number, d: number): -1 | 0 | 1 {
  const x = a * d, y = c * b;
  if (x <= MAX && x >= -MAX && y <= MAX && y >= -MAX) return x < y ? -1 : x > y ? 1 : 0;
  const bx = BigInt(a) * BigInt(d), by = BigInt(c) * BigInt(b);
  return bx < by ? -1 : bx > by ? 1 : 0;
}

/**
 * Sign of a/b − c/d for a, c ≥ 0 and b, d > 0 without any product: compare the integer parts,
 * then the fractional parts by their inverses (continued fractions), so growths of revenues
 * near 10^9 cents are ordered exactly without BigInt.
 */
export function compareRatiosEuclid(a: number, b: number, c: number, d: number): -1 | 0 | 1 {
  for (;;) {
    const ra = a % b, rc = c % d;
    const qa = (a - ra) / b, qc = (c - rc) / d;
    if (qa !== qc) return qa < qc ? -1 : 1;
    if (ra === 0 || rc === 0) return ra === rc ? 0 : ra === 0 ? -1 : 1;
    // ra/b against rc/d (both in (0, 1)) orders as d/rc against b/ra
    [a, b, c, d] = [d, rc, b, ra];
  }
}

/** Integer cents as statement text: `-12.30`, `0.05`. */
export function centsText(c: number): string {
  const neg = c < 0;
  const u = neg ? -c : c;
  const frac = u % 100;
  return `${neg ? '-' : ''}${(u - frac) / 100}.${frac < 10 ? '0' : ''}${frac}`;
}

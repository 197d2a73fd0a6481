// Exact rational numbers for money and rates. Values are n/d in lowest terms, held as JS
// integers while every step provably fits in 2^53 and as BigInt past that, so 1/3 × 3 is 1,
// (0.9 − 0.8) / 0.05 is 2 and a line is rounded exactly once, when the policy says so.
// No value grows past the bit limit of ./limits.ts: past it, an ExactLimitError names the limit.
import { checkBits, ExactLimitError, maxPlaces, maxTextDigits, shortText } from './limits.js';
import { msg } from '../messages/msg.js';

export { configureExactLimits, decimalInputProblem, DEFAULT_EXACT_LIMITS, ExactLimitError, exactLimits, type ExactLimitName, type ExactLimits } from './limits.js';

export type RoundingMode = 'half-up' | 'half-even' | 'down' | 'up' | 'floor' | 'ceiling';
export const ROUNDING_MODES: readonly RoundingMode[] = ['half-up', 'half-even', 'down', 'up', 'floor', 'ceiling'];

const MAX = Number.MAX_SAFE_INTEGER;
const safe = (x: number) => x <= MAX && x >= -MAX;

/** Greatest common divisor of two safe integers (b ≥ 0). */
export function gcdNumber(a: number, b: number): number {
  a = Math.abs(a);
  while (b) { const t = a % b; a = b; b = t; }
  return a;
}

function gcdBig(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b) { const t = a % b; a = b; b = t; }
  return a;
}

// matched against trimmed text: no two runs of the pattern can take the same characters, so
// matching is linear (`^\s*…\s*$` on a long run of spaces and one letter would be quadratic)
const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

export class Exact {
  /** Numerator and denominator as numbers; valid only when `big` is undefined. */
  private constructor(
    readonly n: number,
    readonly d: number,
    private readonly big?: { n: bigint; d: bigint },
  ) {}

  static readonly ZERO = new Exact(0, 1);
  static readonly ONE = new Exact(1, 1);

  /** An integer, or a number whose decimal text is exact (use parse for decimals). */
  static of(value: number | bigint): Exact {
    if (typeof value === 'bigint') return Exact.fromBig(value, 1n);
    if (Number.isInteger(value) && safe(value)) return new Exact(value, 1);
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    return Exact.parse(String(value));
  }

  /** Parses decimal text (`-12.345`, `1e-3`); returns undefined when it is not a number. */
  static tryParse(text: string): Exact | undefined {
    const simple = parsePlain(text);
    if (simple !== undefined) return simple;
    const m = DECIMAL.exec(text.trim());
    if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) return undefined;
    const digits = (m[2] || '0') + (m[3] ?? '');
    const scale = (m[3] ?? '').length - (m[4] ? Number(m[4]) : 0);
    const neg = m[1] === '-';
    const first = digits.search(/[1-9]/);
    if (first < 0) return Exact.ZERO;
    // a cheap bound before any BigInt is made: text that expands past the bit limit is refused unread
    if (digits.length - first - scale > maxTextDigits() || scale > maxTextDigits() || !Number.isFinite(scale)) {
      throw new ExactLimitError('bits', msg('limit.text', { text: shortText(text) }));
    }
    if (digits.length <= 15 && scale >= 0 && scale <= 15) {
      const n = Number(digits);
      return Exact.fromNumbers(neg ? -n : n, 10 ** scale);
    }
    let n = BigInt(digits);
    let d = 1n;
    if (scale >= 0) d = 10n ** BigInt(scale);
    else n *= 10n ** BigInt(-scale);
    return Exact.fromBig(neg ? -n : n, d);
  }

  static parse(text: string): Exact {
    const v = Exact.tryParse(text);
    if (v === undefined) throw new RangeError(`not a decimal number: \`${text}\``);
    return v;
  }

  static ratio(n: number | bigint, d: number | bigint): Exact {
    if (typeof n === 'number' && typeof d === 'number') return Exact.fromNumbers(n, d);
    return Exact.fromBig(BigInt(n), BigInt(d));
  }

  private static fromNumbers(n: number, d: number): Exact {
    if (d === 0) throw new RangeError('division by zero');
    if (d < 0) { n = -n; d = -d; }
    if (n === 0) return Exact.ZERO;
    if (d === 1) return new Exact(n, 1);
    const g = gcdNumber(n, d);
    return g === 1 ? new Exact(n, d) : new Exact(n / g, d / g);
  }

  private static fromBig(n: bigint, d: bigint): Exact {
    if (d === 0n) throw new RangeError('division by zero');
    if (d < 0n) { n = -n; d = -d; }
    const g = gcdBig(n, d);
    if (g !== 1n && g !== 0n) { n /= g; d /= g; }
    checkBits(n, d);
    if (n <= BigInt(MAX) && n >= -BigInt(MAX) && d <= BigInt(MAX)) return new Exact(Number(n), Number(d));
    return new Exact(NaN, NaN, { n, d });
  }

  private get bn(): bigint { return this.big ? this.big.n : BigInt(this.n); }
  private get bd(): bigint { return this.big ? this.big.d : BigInt(this.d); }

  add(o: Exact): Exact {
    if (!this.big && !o.big) {
      if (this.d === o.d) {
        const n = this.n + o.n;
        if (safe(n)) return this.d === 1 ? new Exact(n, 1) : Exact.fromNumbers(n, this.d);
      } else if (this.d === 1 || o.d === 1) {
        // an integer plus n/d: (i·d + n)/d is already in lowest terms, as n/d was
        const d = this.d === 1 ? o.d : this.d;
        const i = this.d === 1 ? this.n : o.n, f = this.d === 1 ? o.n : this.n;
        const whole = i * d, n = whole + f;
        if (safe(whole) && safe(n)) return n === 0 ? Exact.ZERO : new Exact(n, d);
      } else {
        const a = this.n * o.d, b = o.n * this.d, d = this.d * o.d;
        if (safe(a) && safe(b) && safe(d) && safe(a + b)) return Exact.fromNumbers(a + b, d);
      }
    }
    return Exact.fromBig(this.bn * o.bd + o.bn * this.bd, this.bd * o.bd);
  }

  sub(o: Exact): Exact { return this.add(o.neg()); }

  mul(o: Exact): Exact {
    if (!this.big && !o.big) {
      // cross-reduce first so products stay small
      const g1 = this.d === 1 ? 1 : gcdNumber(o.n, this.d);
      const g2 = o.d === 1 ? 1 : gcdNumber(this.n, o.d);
      const n = (this.n / g2) * (o.n / g1), d = (this.d / g1) * (o.d / g2);
      if (safe(n) && safe(d)) return n === 0 ? Exact.ZERO : new Exact(n, d);
    }
    return Exact.fromBig(this.bn * o.bn, this.bd * o.bd);
  }

  div(o: Exact): Exact {
    if (o.isZero()) throw new RangeError('division by zero');
    if (!o.big) return this.mul(o.n < 0 ? new Exact(-o.d, -o.n) : new Exact(o.d, o.n));
    return Exact.fromBig(this.bn * o.bd, this.bd * o.bn);
  }

  neg(): Exact {
    if (this.big) return new Exact(NaN, NaN, { n: -this.big.n, d: this.big.d });
    return this.n === 0 ? this : new Exact(-this.n, this.d);
  }

  abs(): Exact { return this.sign() < 0 ? this.neg() : this; }

  sign(): -1 | 0 | 1 {
    const n = this.big ? this.big.n : this.n;
    return n > 0 ? 1 : n < 0 ? -1 : 0;
  }

  isZero(): boolean { return this.sign() === 0; }
  isInteger(): boolean { return this.big ? this.big.d === 1n : this.d === 1; }

  cmp(o: Exact): -1 | 0 | 1 {
    if (!this.big && !o.big) {
      if (this.d === o.d) return this.n < o.n ? -1 : this.n > o.n ? 1 : 0;
      const a = this.n * o.d, b = o.n * this.d;
      if (safe(a) && safe(b)) return a < b ? -1 : a > b ? 1 : 0;
    }
    const a = this.bn * o.bd, b = o.bn * this.bd;
    return a < b ? -1 : a > b ? 1 : 0;
  }

  eq(o: Exact): boolean { return this.cmp(o) === 0; }
  lt(o: Exact): boolean { return this.cmp(o) < 0; }
  lte(o: Exact): boolean { return this.cmp(o) <= 0; }
  gt(o: Exact): boolean { return this.cmp(o) > 0; }
  gte(o: Exact): boolean { return this.cmp(o) >= 0; }
  min(o: Exact): Exact { return this.cmp(o) <= 0 ? this : o; }
  max(o: Exact): Exact { return this.cmp(o) >= 0 ? this : o; }

  floor(): Exact { return this.round(0, 'floor'); }
  ceil(): Exact { return this.round(0, 'ceiling'); }

  /** Rounds to `scale` decimal places; 'half-up' rounds halves away from zero (四舍五入). */
  round(scale: number, mode: RoundingMode = 'half-up'): Exact {
    checkScale(scale);
    if (!this.big && scale >= 0 && scale <= 15) {
      const f = POW10[scale];
      const scaled = this.n * f;
      if (safe(scaled)) {
        if (this.d === 1 || f % this.d === 0) return this; // already has at most `scale` places
        const q = roundQuotient(scaled, this.d, mode);
        if (q !== undefined) return Exact.fromNumbers(q, f);
      }
    }
    const f = 10n ** BigInt(Math.max(scale, 0));
    const q = roundBigQuotient(this.bn * f, this.bd, mode);
    return Exact.fromBig(q, f);
  }

  /** Exact decimal text with exactly `scale` places after rounding with `mode`. */
  toFixed(scale: number, mode: RoundingMode = 'half-up'): string {
    checkScale(scale);
    if (!this.big && scale >= 0 && scale <= 15) {
      const f = POW10[scale];
      if (f % this.d === 0) {
        // already at most `scale` places (an amount rounded before): no rounding pass
        const units = this.n * (f / this.d);
        if (safe(units)) return formatUnits(units, scale);
      }
    }
    const r = this.round(scale, mode);
    if (!r.big && scale <= 15) {
      const f = 10 ** scale;
      const units = r.n * (f / r.d); // exact: r.d divides 10^scale after rounding
      if (safe(units)) return formatUnits(units, scale);
    }
    return formatBigUnits((r.bn * 10n ** BigInt(scale)) / r.bd, scale); // exact: r has at most `scale` places
  }

  /** Decimal text without trailing zeros when it terminates, else 12 places and `…`. */
  toString(): string {
    if (!this.big) {
      if (this.d === 1) return String(this.n);
      let d = this.d, twos = 0, fives = 0;
      while (d % 2 === 0) { d /= 2; twos++; }
      while (d % 5 === 0) { d /= 5; fives++; }
      if (d === 1) {
        // the fewest places that hold n/d exactly: 10^scale is the first power of ten d divides
        const scale = Math.max(twos, fives);
        if (scale <= 15) {
          const units = this.n * (POW10[scale] / this.d);
          if (safe(units)) return formatUnits(units, scale);
        }
      } else if (this.d < 2 ** 49) return longDivision(this.n, this.d, 12) + '…';
    }
    const scale = terminatingScale(this.bd);
    if (scale !== undefined) return formatBigUnits(this.bn * (10n ** BigInt(scale) / this.bd), scale);
    return this.toFixed(12, 'down').replace(/0+$/, '') + '…';
  }

  /** Exact `n/d` text (`1/3`, `-5/1`): what `fromFraction` reads back, whatever the size. */
  toFraction(): string { return this.big ? `${this.big.n}/${this.big.d}` : `${this.n}/${this.d}`; }

  /** Reads `toFraction` text back. */
  static fromFraction(text: string): Exact {
    const slash = text.indexOf('/');
    if (slash < 0 || !/^-?\d+\/\d+$/.test(text)) throw new RangeError(`not a fraction: \`${text}\``);
    return Exact.fromBig(BigInt(text.slice(0, slash)), BigInt(text.slice(slash + 1)));
  }

  /** For charts and logs only: never feed the result back into money. */
  toNumber(): number { return this.big ? Number(this.big.n) / Number(this.big.d) : this.n / this.d; }

  toJSON(): string { return this.toString(); }
}

/**
 * The fewest decimal places that hold 1/d exactly (the larger of d's powers of 2 and 5), or
 * undefined when 1/d does not terminate. Linear in the size of d: the power of 2 from the low
 * bits, then one comparison with the single power of 5 the remaining bit length allows.
 */
function terminatingScale(d: bigint): number | undefined {
  const bits = d.toString(2);
  const twos = bits.length - 1 - bits.lastIndexOf('1');
  const odd = d >> BigInt(twos);
  if (odd === 1n) return twos;
  const oddBits = bits.length - twos;
  // 5^k has floor(k·log2 5) + 1 bits: at most two k fit a bit length
  const k0 = Math.max(1, Math.floor((oddBits - 1) / Math.log2(5)) - 1);
  for (let k = k0; k <= k0 + 3; k++) if (5n ** BigInt(k) === odd) return Math.max(twos, k);
  return undefined;
}

/** n/d to `places` digits, truncated, by long division in exact small integers (d < 2^49). */
function longDivision(n: number, d: number, places: number): string {
  const neg = n < 0;
  let r = Math.abs(n);
  const int = Math.floor(r / d);
  r -= int * d;
  // the places as one integer (< 10^places ≤ 10^15), then trailing zeros dropped
  let frac = 0;
  for (let i = 0; i < places; i++) {
    r *= 10;
    const q = Math.floor(r / d);
    frac = frac * 10 + q;
    r -= q * d;
  }
  while (places > 0 && frac % 10 === 0) { frac /= 10; places--; }
  const text = places === 0 ? '0' : ZEROS[places - String(frac).length] + frac;
  return `${neg ? '-' : ''}${int}.${text}`;
}

/** Rounding to more places than any value can hold is a mistake, not a long computation. */
function checkScale(scale: number): void {
  if (!Number.isInteger(scale) || scale > maxPlaces()) throw new ExactLimitError('places', msg('limit.round-places', { places: String(scale) }));
}

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);
const ZEROS = ['', '0', '00', '000', '0000', '00000', '000000', '0000000', '00000000', '000000000', '0000000000', '00000000000', '000000000000', '0000000000000', '00000000000000', '000000000000000'];

/** Plain decimal text (`-12.345`: up to 15 digits, no spaces or exponent) without a regex; else undefined. */
function parsePlain(text: string): Exact | undefined {
  const len = text.length;
  if (len === 0 || len > 17) return undefined;
  let i = 0, n = 0, digits = 0, scale = -1;
  const first = text.charCodeAt(0);
  if (first === 45 || first === 43) i = 1; // - +
  for (; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      digits++;
      if (scale >= 0) scale++;
    } else if (c === 46 && scale < 0) scale = 0; // .
    else return undefined;
  }
  if (digits === 0 || digits > 15) return undefined;
  return Exact.ratio(first === 45 ? -n : n, scale > 0 ? POW10[scale] : 1);
}

/** `units` / 10^scale as fixed-point text, any size: one BigInt to decimal conversion. */
function formatBigUnits(units: bigint, scale: number): string {
  const neg = units < 0n;
  const digits = (neg ? -units : units).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = scale > 0 ? '.' + digits.slice(digits.length - scale) : '';
  return `${neg ? '-' : ''}${int}${frac}`;
}

/** `units` / 10^scale as fixed-point text, for |units| < 2^53 and scale ≤ 15. */
function formatUnits(units: number, scale: number): string {
  const neg = units < 0;
  const u = neg ? -units : units;
  if (scale === 0) return neg ? '-' + u : String(u);
  const f = POW10[scale];
  let int = Math.trunc(u / f);
  let frac = u - int * f;
  if (frac < 0) { int -= 1; frac += f; } else if (frac >= f) { int += 1; frac -= f; }
  const fracText = String(frac);
  return `${neg ? '-' : ''}${int}.${ZEROS[scale - fracText.length]}${fracText}`;
}

function roundQuotient(n: number, d: number, mode: RoundingMode): number | undefined {
  let q = Math.trunc(n / d);
  if (!safe(q * d + d) || !safe(q * d - d)) return undefined;
  let r = n - q * d;
  // the float quotient may be one off for large n: bring the remainder back into range
  if (n >= 0) { if (r < 0) { q -= 1; r += d; } else if (r >= d) { q += 1; r -= d; } }
  else if (r > 0) { q += 1; r -= d; } else if (r <= -d) { q -= 1; r += d; }
  return r === 0 ? q : roundTruncated(q, r, d, mode);
}

/**
 * The quotient q of a division by d > 0 truncated toward zero, its remainder r ≠ 0 (of the
 * dividend's sign), rounded by `mode`: the one rounding step of exact and of generated code.
 */
export function roundTruncated(q: number, r: number, d: number, mode: RoundingMode): number {
  const sign = r < 0 ? -1 : 1;
  const twice = (r < 0 ? -r : r) * 2;
  switch (mode) {
    case 'down': return q;
    case 'up': return q + sign;
    case 'floor': return sign < 0 ? q - 1 : q;
    case 'ceiling': return sign > 0 ? q + 1 : q;
    case 'half-up': return twice >= d ? q + sign : q;
    case 'half-even': return twice > d || (twice === d && q % 2 !== 0) ? q + sign : q;
  }
}

function roundBigQuotient(n: bigint, d: bigint, mode: RoundingMode): bigint {
  const q = n / d;
  const r = n - q * d;
  if (r === 0n) return q;
  const sign = n < 0n ? -1n : 1n;
  const twice = (r < 0n ? -r : r) * 2n;
  switch (mode) {
    case 'down': return q;
    case 'up': return q + sign;
    case 'floor': return sign < 0n ? q - 1n : q;
    case 'ceiling': return sign > 0n ? q + 1n : q;
    case 'half-up': return twice >= d ? q + sign : q;
    case 'half-even': return twice > d || (twice === d && q % 2n !== 0n) ? q + sign : q;
  }
}

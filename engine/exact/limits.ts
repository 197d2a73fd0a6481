// Bounds on the size of exact numbers, so that no input can make the engine work for minutes:
// a number a user writes (a policy literal, an override, a fact cell) has at most 30
// significant digits, 30 digits before the point and 30 places after it; a value computed from
// such numbers may grow, but never past `bits` bits in its numerator or denominator. Each bound
// exceeded is an ExactLimitError (or, for text, a message) that names the limit.
import type { MessageData } from '../types.js';
import { msg } from '../messages/msg.js';
import { render } from '../messages/render.js';

export type ExactLimitName = 'digits' | 'integer-digits' | 'places' | 'bits';

export interface ExactLimits {
  /** Significant digits a written number may have. */
  digits: number;
  /** Digits before the decimal point (the value is below 10^integerDigits). */
  integerDigits: number;
  /** Decimal places (the value is a multiple of 10^-places). */
  places: number;
  /** Bits of the numerator and of the denominator of any exact value, computed or read. */
  bits: number;
}

export const DEFAULT_EXACT_LIMITS: Readonly<ExactLimits> = { digits: 30, integerDigits: 30, places: 30, bits: 4096 };

const limits: ExactLimits = { ...DEFAULT_EXACT_LIMITS };
let bitBound = 1n << BigInt(limits.bits);

/** The limits in force (a copy). */
export function exactLimits(): ExactLimits { return { ...limits }; }

/** Raises or lowers limits for the whole process (a user with larger numbers); returns the previous ones. */
export function configureExactLimits(change: Partial<ExactLimits>): ExactLimits {
  const previous = exactLimits();
  for (const [key, value] of Object.entries(change) as [keyof ExactLimits, number | undefined][]) {
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 1 || value > 1_000_000) throw new RangeError(`limit \`${key}\` must be a whole number from 1 to 1000000, got ${value}`);
    limits[key] = value;
  }
  bitBound = 1n << BigInt(limits.bits);
  return previous;
}

/** A value (or a step of a computation) went past a limit; `limit` names which. */
export class ExactLimitError extends RangeError {
  /** The message as data, for the user's language (`message` is its English text). */
  readonly text: MessageData;

  constructor(readonly limit: ExactLimitName, text: MessageData) {
    super(render(text));
    this.text = text;
    this.name = 'ExactLimitError';
  }
}

const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Throws when a numerator or denominator needs more than `bits` bits. */
export function checkBits(n: bigint, d: bigint): void {
  if (n >= bitBound || -n >= bitBound || d >= bitBound) {
    throw new ExactLimitError('bits', msg('limit.bits', { bits: grouped(limits.bits), digits: grouped(Math.floor(limits.bits * Math.log10(2))) }));
  }
}

/** The most digits text may expand to before it is refused without being read (a cheap upper bound on `bits`). */
export const maxTextDigits = () => Math.ceil(limits.bits * Math.log10(2)) + 2;

/** The most places a value can need (1/2^bits): rounding to more is refused. */
export const maxPlaces = () => limits.bits;

/** Text as a message shows it: long input shortened, so a message stays readable. */
export function shortText(text: string): string {
  const t = text.trim();
  return t.length > 24 ? `${t.slice(0, 20)}…` : t;
}

/**
 * Why a written decimal (`12.5`, `-1e-3`) is beyond the limits on written numbers, or
 * undefined when it is within them or is not decimal text at all (the caller says what it
 * expected). Linear in the length of the text.
 */
export function decimalInputProblem(text: string): MessageData | undefined {
  const shape = decimalShape(text);
  if (!shape) return undefined;
  const { significant, fractionDigits, exponent } = shape;
  if (significant === 0) return undefined; // zero, however it is written
  const shown = shortText(text);
  if (significant > limits.digits) return msg('limit.digits', { text: shown, digits: grouped(significant), limit: limits.digits });
  const places = fractionDigits - exponent;
  const integerDigits = significant - places;
  if (integerDigits > limits.integerDigits) return msg('limit.integer-digits', { text: shown, limit: limits.integerDigits });
  if (places > limits.places) return msg('limit.places', { text: shown, limit: limits.places });
  return undefined;
}

interface DecimalShape {
  /** Digits from the first non-zero one to the last one written. */
  significant: number;
  /** Digits written after the point (up to the last significant one). */
  fractionDigits: number;
  /** The exponent, Infinity when it does not even fit a number. */
  exponent: number;
}

/** Reads `[+-]digits[.digits][e[+-]digits]` (spaces around allowed) in one pass, or undefined. */
function decimalShape(text: string): DecimalShape | undefined {
  let i = 0;
  const len = text.length;
  const space = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
  while (i < len && space(text.charCodeAt(i))) i++;
  if (text[i] === '+' || text[i] === '-') i++;
  let digits = 0, significant = 0, fractionDigits = 0, pendingZeros = 0, inFraction = false, seenNonZero = false;
  for (; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      if (inFraction) fractionDigits++;
      if (c !== 48) { seenNonZero = true; significant += pendingZeros + 1; pendingZeros = 0; }
      else if (seenNonZero) pendingZeros++;
    } else if (c === 46 && !inFraction) inFraction = true;
    else break;
  }
  if (digits === 0) return undefined;
  significant += pendingZeros; // trailing zeros are written digits too: `1000`, `1.500`
  let exponent = 0;
  if (text[i] === 'e' || text[i] === 'E') {
    i++;
    let negative = false;
    if (text[i] === '+' || text[i] === '-') { negative = text[i] === '-'; i++; }
    while (text[i] === '0' && text.charCodeAt(i + 1) >= 48 && text.charCodeAt(i + 1) <= 57) i++;
    const start = i;
    while (i < len && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    if (i === start) return undefined;
    const e = Number(text.slice(start, Math.min(i, start + 20)));
    exponent = (negative ? -1 : 1) * (i - start > 20 ? Infinity : e);
  }
  while (i < len && space(text.charCodeAt(i))) i++;
  if (i !== len) return undefined;
  return { significant, fractionDigits, exponent };
}

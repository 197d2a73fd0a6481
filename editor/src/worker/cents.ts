// Amounts as integer cents in JS numbers: a statement line's two-decimal text read without a
// float ever holding a fraction, and sums printed back as the engine prints them. Every sum the
// preview makes is bounded by the sum of absolute line amounts, checked to stay a safe integer.
import { errorAt, RatecardError } from '../../../engine/index.js';

const NOT_CENTS = (amount: string) => new RatecardError([errorAt({ file: '(preview)', line: 1, column: 1 }, 'rounding',
  `the preview sums amounts in cents: the line amount \`${amount}\` has more than two decimals or is too large`, 'preview-amount')]);

/** `-905.38` → -90538; `12` → 1200. Throws on more than two decimals or beyond 2^53. */
export function toCents(amount: string): number {
  const dot = amount.indexOf('.');
  const decimals = dot < 0 ? 0 : amount.length - dot - 1;
  if (decimals > 2) throw NOT_CENTS(amount);
  const digits = dot < 0 ? amount : amount.slice(0, dot) + amount.slice(dot + 1);
  const cents = Number(digits) * (decimals === 2 ? 1 : decimals === 1 ? 10 : 100);
  if (!Number.isSafeInteger(cents)) throw NOT_CENTS(amount);
  return cents;
}

/**
 * A line's signed units of 10^-`scale` (the engine's columns) as cents; its amount text (`text`)
 * is read only when that is not a whole, safe number of cents, to fail as `toCents` fails on it.
 */
export function centsOfUnits(units: number, scale: number, text: () => string): number {
  if (scale <= 2 && units === units) {
    const cents = units * 10 ** (2 - scale);
    if (Number.isSafeInteger(cents)) return cents;
  }
  return toCents(text());
}

/** -90538 → `-905.38`; 0 → `0.00`. */
export function centsText(cents: number): string {
  const negative = cents < 0;
  const digits = String(negative ? -cents : cents).padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** Throws when sums whose absolute amounts add up to `bound` could lose a cent. */
export function checkSafe(bound: number): void {
  if (!Number.isSafeInteger(bound)) throw NOT_CENTS(`${bound / 100}`);
}

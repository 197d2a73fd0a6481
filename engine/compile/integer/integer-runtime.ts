// The integer arithmetic generated code calls: divisions with one remainder, each rounding mode
// as in `Exact.round`. Every argument is a safe integer (|x| ≤ 2^53 − 1) and every divisor is
// above 0, which the generated code checks before the call; then `n % d` and `(n − r) / d`
// are exact in floating point, and so is every result.
import { roundTruncated, type RoundingMode } from '../../exact/exact.js';
import { windowMonths } from '../windows.js';
import { entryUnits, type LedgerEntry } from '../runtime.js';

/** ⌊n / d⌋. */
export function floorDiv(n: number, d: number): number {
  const r = n % d;
  const q = (n - r) / d;
  return r < 0 ? q - 1 : q;
}

/** ⌈n / d⌉. */
export function ceilDiv(n: number, d: number): number {
  const r = n % d;
  const q = (n - r) / d;
  return r > 0 ? q + 1 : q;
}

/** n / d rounded to an integer with `mode`: the same results as `Exact.round(0, mode)`. */
export function roundDiv(n: number, d: number, mode: RoundingMode): number {
  const r = n % d;
  const q = (n - r) / d; // truncated toward zero
  return r === 0 ? q : roundTruncated(q, r, d, mode);
}

/** Half away from zero, the policies' usual `half-up`, without the mode switch. */
export function roundHalfUp(n: number, d: number): number {
  const r = n % d;
  const q = (n - r) / d;
  if (r === 0) return q;
  return (r < 0 ? -r : r) * 2 >= d ? (n < 0 ? q - 1 : q + 1) : q;
}

/**
 * The lines of `rule` (and adjustments posted to them, `rule@…`) in the ledger over `months`, in
 * units of 1/`unit`: NaN when one is not a whole number of units or the sum passes 2^53.
 */
export function ledgerUnits(ledger: readonly LedgerEntry[], rule: string, months: readonly number[], unit: number): number {
  if (!months.length) return 0;
  const first = months[0], last = months[months.length - 1];
  const adjusted = `${rule}@`;
  let total = 0;
  for (let i = 0; i < ledger.length; i++) {
    const e = ledger[i];
    if (e.month < first || e.month > last || (e.rule !== rule && !e.rule.startsWith(adjusted))) continue;
    const units = entryUnits(e, unit);
    total += units;
    if (!(total <= Number.MAX_SAFE_INTEGER && total >= -Number.MAX_SAFE_INTEGER)) return NaN;
  }
  return total;
}

/** What generated code receives as `H`. */
export const INTEGER_HELPERS = { floorDiv, ceilDiv, roundDiv, roundHalfUp, windowMonths, ledgerUnits };
export type IntegerHelpers = typeof INTEGER_HELPERS;

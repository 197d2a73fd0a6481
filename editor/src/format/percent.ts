// Rates are stored as exact decimal strings ("0.02") and shown as percentages ("2"): the
// conversion is exact decimal arithmetic, never a binary float.
import { Exact } from '../../../engine/index.js';

const HUNDRED = Exact.of(100);
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/** `0.02` → `2`, `0.025` → `2.5`. */
export function rateToPercent(rate: string): string {
  const r = Exact.tryParse(rate.trim());
  return r ? r.mul(HUNDRED).toString() : rate;
}

/** `2` → `0.02`, `2.5 %` → `0.025`; undefined when the text is not a number. */
export function percentToRate(text: string): string | undefined {
  const t = text.replace(/%/g, '').trim();
  return PLAIN_DECIMAL.test(t) ? Exact.parse(t).div(HUNDRED).toString() : undefined;
}

/** A decimal the user typed (`1.50`, `¥1,234.5`), kept as written; undefined when not a number. */
export function parseDecimal(text: string): string | undefined {
  const t = text.replace(/[¥,\s]/g, '');
  return PLAIN_DECIMAL.test(t) ? t : undefined;
}

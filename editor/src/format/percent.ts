// Rates are stored as exact decimal strings ("0.02") and shown as percentages ("2"): the
// conversion moves the decimal point in the text itself, never through a binary float.
import { Exact } from '../../../engine/index.js';
import { parseTypedNumber } from './typed-number.js';

const HUNDRED = Exact.of(100);

/** `0.02` → `2`, `0.025` → `2.5`. */
export function rateToPercent(rate: string): string {
  const r = Exact.tryParse(rate.trim());
  return r ? r.mul(HUNDRED).toString() : rate;
}

/** Moves the point of a plain decimal two places left, keeping every digit typed: `2.50` → `0.0250`. */
function hundredth(decimal: string): string {
  const negative = decimal.startsWith('-');
  const [int, frac = ''] = (negative ? decimal.slice(1) : decimal).split('.');
  const digits = (int.length < 2 ? '0'.repeat(2 - int.length) : '') + int;
  const head = digits.slice(0, -2).replace(/^0+(?=\d)/, '') || '0';
  return `${negative ? '-' : ''}${head}.${digits.slice(-2)}${frac}`;
}

/** `2` → `0.02`, `2.5 %` → `0.025`, `３％` → `0.03`; undefined when the text is not a number. */
export function percentToRate(text: string): string | undefined {
  const t = parseTypedNumber(text, 'percent');
  return t === undefined ? undefined : hundredth(t);
}

/** A decimal the user typed (`1.50`, `¥1,234.5`, `１２元`), kept as written; undefined when not a number. */
export function parseDecimal(text: string): string | undefined {
  return parseTypedNumber(text, 'money');
}

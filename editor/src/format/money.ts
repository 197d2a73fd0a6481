// Money as ¥ with thousands separators, formatted from the decimal string itself: the integer
// part goes through Intl.NumberFormat as a BigInt, so no amount ever passes through a float.
import { Exact } from '../../../engine/index.js';

const groupers = new Map<string, Intl.NumberFormat>();
const grouper = (locale: string) => {
  let f = groupers.get(locale);
  if (!f) groupers.set(locale, (f = new Intl.NumberFormat(locale, { useGrouping: true })));
  return f;
};

/** `-12345.6` → `-¥12,345.60`; text that is not a number is returned as is. */
export function formatMoney(amount: string, locale = 'zh-CN', scale = 2): string {
  const value = Exact.tryParse(amount.trim());
  if (!value) return amount;
  const fixed = value.abs().toFixed(scale);
  const [int, frac] = fixed.split('.');
  const sign = value.sign() < 0 && !/^[0.]*$/.test(fixed) ? '-' : '';
  return `${sign}¥${grouper(locale).format(BigInt(int))}${frac ? '.' + frac : ''}`;
}

/** A signed delta: `+¥1,200.00`, `-¥3.50`, `¥0.00`. */
export function formatDelta(amount: string, locale = 'zh-CN'): string {
  const s = formatMoney(amount, locale);
  return Exact.tryParse(amount)?.sign() === 1 ? '+' + s : s;
}

/** `neg`, `pos` or `` for colouring a delta. */
export function signClass(amount: string): string {
  const s = Exact.tryParse(amount)?.sign();
  return s === 1 ? 'pos' : s === -1 ? 'neg' : '';
}

// What a person types into a number field, as the exact decimal it means: full-width digits and
// signs (１２．５, －３), `¥`/`￥`/`元` around money, `%`/`％` after a percentage, spaces, and
// thousands separators in well-formed groups (`1,234.5`, `１，２３４`). Only text, never a float.

/** Full-width ASCII (U+FF01–FF5E) to ASCII, the ideographic space to a space, `。` to `.`. */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/[。．]/g, '.')
    .replace(/[−–]/g, '-');
}

export type NumberUnit = 'money' | 'percent' | 'none';

const GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d*)?$/;
const PLAIN = /^-?(\d+\.?\d*|\.\d+)$/;

/**
 * The decimal `text` means, as written (`1.50` stays `1.50`; `1.` is `1`, `.5` is `0.5`), or
 * undefined when it is not a number. `unit` says which signs may surround it.
 */
export function parseTypedNumber(text: string, unit: NumberUnit): string | undefined {
  let t = toHalfWidth(text).replace(/\s+/g, '');
  if (unit === 'money') t = t.replace(/^(-?)[¥￥]/, '$1').replace(/元$/, '');
  if (unit === 'percent') t = t.replace(/%$/, '');
  if (GROUPED.test(t)) t = t.replace(/,/g, '');
  if (!PLAIN.test(t)) return undefined;
  const negative = t.startsWith('-');
  let [int, frac = ''] = (negative ? t.slice(1) : t).split('.');
  int = int.replace(/^0+(?=\d)/, '') || '0';
  const out = frac ? `${int}.${frac}` : int;
  return negative && /[1-9]/.test(out) ? `-${out}` : out;
}

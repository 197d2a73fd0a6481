// A number as Excel shows it: Excel keeps doubles but never shows more than 15 significant
// digits, so 99999.99999999999 (what a sum of cents often leaves) is the 100000 on screen. The
// stored text is rounded to 15 significant digits (half away from zero, as Excel displays)
// on its decimal digits, never through a float, and written without an exponent.
const SIGNIFICANT = 15;
const NUMBER = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** `99999.99999999999` → `100000`, `1.5E-3` → `0.0015`; text that is no number comes back as is. */
export function excelNumber(stored: string): string {
  const m = NUMBER.exec(stored.trim());
  if (!m || !(m[2] || m[3])) return stored;
  const [, sign, int = '', frac = '', exp = '0'] = m;
  let digits = (int + frac).replace(/^0+/, '');
  if (!digits) return '0';
  // The value is 0.<digits> × 10^point.
  let point = int.length + Number(exp) - ((int + frac).length - (int + frac).replace(/^0+/, '').length);
  if (digits.length > SIGNIFICANT) {
    const up = digits.charCodeAt(SIGNIFICANT) >= 53; // '5'
    digits = digits.slice(0, SIGNIFICANT);
    if (up) {
      const n = (BigInt(digits) + 1n).toString();
      if (n.length > digits.length) point++;
      digits = n.slice(0, SIGNIFICANT);
    }
  }
  digits = digits.replace(/0+$/, '');
  const text = point <= 0 ? `0.${'0'.repeat(-point)}${digits}`
    : point >= digits.length ? digits + '0'.repeat(point - digits.length)
      : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (sign === '-' ? '-' : '') + text;
}

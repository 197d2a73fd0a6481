// A parameter's number as the form shows it: a rate as a percentage (`0.02` → `2 %`), money as ¥
// with separators, counts and ratios as written. Exact: the text's digits are moved, never a float.
import { formatMoney } from './money.js';
import { rateToPercent } from './percent.js';

export function formatParamValue(value: string, type: string | undefined, language: string): string {
  if (type === 'rate') return `${rateToPercent(value)} %`;
  if (type === 'money') return formatMoney(value, language);
  return value;
}

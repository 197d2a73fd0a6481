// Posted lines as the CSV of `ratecard settle` (same columns, quoting and order within a payee),
// so a statement read back from the store is the bytes that were posted.
import { statementToCsv, totalsOf } from '../engine/index.js';
import type { PostedLine } from './types.js';

export function postedToCsv(lines: PostedLine[]): string {
  const from = lines.reduce((a, l) => (a && a < l.period ? a : l.period), '');
  const to = lines.reduce((a, l) => (a > l.period ? a : l.period), '');
  return statementToCsv({ policy: { id: lines[0]?.policy ?? '', version: '', hash: '' }, from, to, lines, withheld: [], totals: totalsOf(lines) });
}

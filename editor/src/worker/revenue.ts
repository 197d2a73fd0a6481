// Revenue per payee over a range of months, summed exactly from the facts table's column the
// policy names as its revenue (`revenue: revenue_actual`), for compensation as a share of revenue.
import { parseDocument } from 'yaml';
import { Exact } from '../../../engine/index.js';
import { rowsOf } from './one-payee.js';
import type { TablesAt } from './table-bytes.js';

/** The fact a policy text names as its revenue, when it names one. */
export function revenueFactOf(text: string): string | undefined {
  const doc = parseDocument(text);
  const value = doc.errors.length ? undefined : doc.get('revenue');
  return typeof value === 'string' && value ? value : undefined;
}

export type RevenueByPayee = { ok: true; byPayee: Map<string, Exact> } | { ok: false; problem: string };

export function revenueByPayee(tables: TablesAt, fact: string, from: string, to: string): RevenueByPayee {
  const { file, rows, lines } = rowsOf(tables.facts);
  const header = rows[0]?.map((h) => h.trim()) ?? [];
  const at = header.indexOf(fact), period = header.indexOf('period'), payee = header.indexOf('payee_id');
  if (at < 0) return { ok: false, problem: `the revenue fact \`${fact}\` is no column of ${file}:${lines[0] ?? 1}` };
  const byPayee = new Map<string, Exact>();
  for (let i = 1; i < rows.length; i++) {
    const month = rows[i][period]?.trim() ?? '';
    if (month < from || month > to) continue;
    const cell = rows[i][at]?.trim() ?? '';
    if (!cell) continue;
    const value = Exact.tryParse(cell);
    if (!value) return { ok: false, problem: `revenue \`${cell}\` is not a number at ${file}:${lines[i]} (field \`${fact}\`)` };
    const id = rows[i][payee]?.trim() ?? '';
    byPayee.set(id, (byPayee.get(id) ?? Exact.ZERO).add(value));
  }
  return { ok: true, byPayee };
}

const HUNDRED = Exact.of(100);

/** `amount` as a percentage of `revenue`, two decimals; undefined when there is no revenue. */
export function shareOf(amount: string, revenue: Exact): string | undefined {
  return revenue.isZero() ? undefined : Exact.parse(amount).mul(HUNDRED).div(revenue).toFixed(2);
}

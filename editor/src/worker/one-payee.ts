// One payee's own tables, cut from the dataset's: its payees.csv row, its facts rows (with the
// cells a what-if overrides), its transactions, found without parsing the other payees' rows. Rows keep their true lines, so a bad value typed
// in a what-if is reported where it came from. Only the engine's public API is used.
import { parseCsv, type TableSource } from '../../../engine/index.js';
import { isPlain, rowsWhere } from './plain-lines.js';
import type { FactOverride } from './protocol.js';
import { bytesOf, sourceOf, type TableAt, type TablesAt } from './table-bytes.js';

export interface Rows { file: string; rows: string[][]; lines: number[] }

export function rowsOf(table: TableAt): Rows {
  const source = sourceOf(table);
  if ('rows' in source) return { file: source.file, rows: source.rows, lines: source.lines ?? source.rows.map((_, i) => i + 1) };
  const records = parseCsv(source.text);
  return { file: source.file, rows: records.map((r) => r.cells), lines: records.map((r) => r.line) };
}

/** One payee's tables, as the engine reads them. */
export interface PayeeTables { id: string; payees: TableSource; facts: TableSource; transactions?: TableSource }

/**
 * The header and the rows whose `payee_id` is `payeeId`. A plain text (no quotes or carriage
 * returns) is scanned line by line, splitting only the header and the payee's rows: a click on
 * one of 100,000 payees no longer parses 1.2 million rows of facts. A trace finds its facts rows
 * once, for the what-if inputs and for settling the payee alone.
 */
export function payeeRows(source: TableAt, payeeId: string): Rows {
  const bytes = bytesOf(source);
  if (bytes && isPlain(bytes)) {
    return { file: source.file, ...rowsWhere(bytes, 'payee_id', payeeId, new TextEncoder().encode(payeeId)) };
  }
  const { file, rows, lines } = rowsOf(source);
  const at = rows[0]?.map((h) => h.trim()).indexOf('payee_id') ?? -1;
  const keep = rows.map((row, i) => i === 0 || row[at]?.trim() === payeeId);
  return { file, rows: rows.filter((_, i) => keep[i]), lines: lines.filter((_, i) => keep[i]) };
}

/** The header and the rows of `found`, each edited by `edit`, as a table source. */
function cut({ file, rows, lines }: Rows, edit?: (header: string[], row: string[]) => string[]): TableSource {
  if (!rows.length) return { file, rows: [[]], lines: [1] };
  const header = rows[0].map((h) => h.trim());
  return { file, rows: [rows[0], ...rows.slice(1).map((row) => (edit ? edit(header, row) : row))], lines };
}

/** The payee's facts by month (`YYYY-MM` → column → cell text), for the what-if inputs; `facts`: its facts rows when found already. */
export function payeeFacts(tables: TablesAt, payeeId: string, facts = payeeRows(tables.facts, payeeId)): Record<string, Record<string, string>> {
  const { rows } = rowsOf(cut(facts));
  const header = rows[0].map((h) => h.trim());
  const period = header.indexOf('period');
  const out: Record<string, Record<string, string>> = {};
  for (const row of rows.slice(1)) {
    out[row[period].trim()] = Object.fromEntries(header.map((h, i) => [h, row[i] ?? '']).filter(([h]) => h !== 'period' && h !== 'payee_id'));
  }
  return out;
}

/** The tables of one payee with `overrides` applied to its facts; `facts`: its facts rows when found already. */
export function onePayeeTables(tables: TablesAt, payeeId: string, overrides: FactOverride[], factRows = payeeRows(tables.facts, payeeId)): PayeeTables {
  const facts = cut(factRows, (header, row) => {
    const period = row[header.indexOf('period')]?.trim();
    const out = [...row];
    for (const o of overrides) if (o.period === period && header.includes(o.fact)) out[header.indexOf(o.fact)] = o.value;
    return out;
  });
  return {
    id: `${tables.id}/${payeeId}`,
    payees: cut(payeeRows(tables.payees, payeeId)),
    facts,
    ...(tables.transactions ? { transactions: cut(payeeRows(tables.transactions, payeeId)) } : {}),
  };
}

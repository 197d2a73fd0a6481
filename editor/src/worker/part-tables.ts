// The part of a dataset's tables a helper worker settles: the payees from a position in
// payees.csv on, and only their facts and transactions. Rows keep their line in the file, so a
// problem is reported where it is. A text without quotes or carriage returns (CSV written by
// programs, the generated datasets) is cut line by line, splitting only the rows kept: at
// 100,000 payees the whole facts table is never held as 1.2 million parsed records at once.
import { parseCsv, type TableSource } from '../../../engine/index.js';
import type { DatasetTables } from './protocol.js';

interface Rows { file: string; rows: string[][]; lines: number[] }

/** A row's cells in a plain text (no quotes, so every comma separates two cells). */
const cellsOf = (line: string) => line.split(',');

/**
 * The header and the rows `test` keeps (`test` sees the row's `column`-th cell, or the whole
 * row's cells when `column` is -1), when `text` is plain; undefined otherwise. Blank lines are
 * skipped and lines counted as parseCsv counts them.
 */
function plainRows(source: { file: string; text: string }, column: (header: string[]) => number, test: (cell: string | undefined) => boolean): Rows | undefined {
  const { text } = source;
  if (text.includes('"') || text.includes('\r')) return undefined;
  const rows: string[][] = [], lines: number[] = [];
  let at = -1;
  for (let start = text.charCodeAt(0) === 0xfeff ? 1 : 0, line = 1; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start) {
      const row = text.slice(start, end);
      if (!rows.length) {
        rows.push(cellsOf(row));
        lines.push(line);
        at = column(rows[0].map((h) => h.trim()));
      } else {
        const cells = cellsOf(row);
        if (test(cells[at])) { rows.push(cells); lines.push(line); }
      }
    }
    start = end + 1;
  }
  return { file: source.file, rows, lines };
}

function rowsOf(source: TableSource): Rows {
  if ('rows' in source) return { file: source.file, rows: source.rows, lines: source.lines ?? source.rows.map((_, i) => i + 1) };
  const records = parseCsv(source.text, { file: source.file });
  return { file: source.file, rows: records.map((r) => r.cells), lines: records.map((r) => r.line) };
}

/** The header and the rows whose `payee_id` cell passes `test`. */
function keep(source: TableSource, test: (id: string | undefined, i: number) => boolean): TableSource {
  const idColumn = (header: string[]) => header.indexOf('payee_id');
  let i = 0;
  const plain = 'text' in source ? plainRows(source, idColumn, (id) => test(id?.trim(), ++i)) : undefined;
  if (plain) return plain;
  const all = rowsOf(source), at = idColumn(all.rows[0]?.map((h) => h.trim()) ?? []);
  const rows: string[][] = [], lines: number[] = [];
  all.rows.forEach((row, r) => {
    if (r > 0 && !test(row[at]?.trim(), r)) return;
    rows.push(row);
    lines.push(all.lines[r]);
  });
  return { file: all.file, rows, lines };
}

/** The tables of the payees at position `from` (0: the first data row of payees.csv) and after. */
export function tablesFrom(tables: DatasetTables, from: number): DatasetTables {
  const ids = new Set<string | undefined>();
  const payees = keep(tables.payees, (id, i) => i > from && (ids.add(id), true));
  const ofPart = (source: TableSource) => keep(source, (id) => ids.has(id));
  return {
    id: `${tables.id}/from-${from}`,
    payees,
    facts: ofPart(tables.facts),
    ...(tables.transactions ? { transactions: ofPart(tables.transactions) } : {}),
  };
}

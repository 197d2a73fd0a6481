// The part of a dataset's tables a helper worker settles: the payees from a position in
// payees.csv on, and only their facts and transactions. Rows keep their line in the file, so a
// problem is reported where it is.
import { parseCsv, type TableSource } from '../../../engine/index.js';
import type { DatasetTables } from './protocol.js';

interface Rows { file: string; rows: string[][]; lines: number[] }

function rowsOf(source: TableSource): Rows {
  if ('rows' in source) return { file: source.file, rows: source.rows, lines: source.lines ?? source.rows.map((_, i) => i + 1) };
  const records = parseCsv(source.text, { file: source.file });
  return { file: source.file, rows: records.map((r) => r.cells), lines: records.map((r) => r.line) };
}

function keep(rows: Rows, test: (row: string[], i: number) => boolean): TableSource {
  const kept: string[][] = [], lines: number[] = [];
  rows.rows.forEach((row, i) => {
    if (i > 0 && !test(row, i)) return;
    kept.push(row);
    lines.push(rows.lines[i]);
  });
  return { file: rows.file, rows: kept, lines };
}

/** The tables of the payees at position `from` (0: the first data row of payees.csv) and after. */
export function tablesFrom(tables: DatasetTables, from: number): DatasetTables {
  const payees = rowsOf(tables.payees);
  const idAt = (r: Rows) => r.rows[0]?.map((h) => h.trim()).indexOf('payee_id') ?? -1;
  const at = idAt(payees);
  const ids = new Set(payees.rows.slice(from + 1).map((row) => row[at]?.trim()));
  const ofPart = (source: TableSource) => {
    const rows = rowsOf(source), col = idAt(rows);
    return keep(rows, (row) => ids.has(row[col]?.trim()));
  };
  return {
    id: `${tables.id}/from-${from}`,
    payees: keep(payees, (_row, i) => i > from),
    facts: ofPart(tables.facts),
    ...(tables.transactions ? { transactions: ofPart(tables.transactions) } : {}),
  };
}

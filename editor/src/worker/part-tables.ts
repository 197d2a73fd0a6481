// The part of a dataset's tables a helper worker settles: the payees from a position in
// payees.csv on, and only their facts and transactions. Rows keep their line in the file, so a
// problem is reported where it is. A plain table (no quotes or carriage returns: CSV written by
// programs, the generated datasets) is cut line by line, splitting only the rows kept: at
// 100,000 payees the whole facts table is never held as 1.2 million parsed records at once.
import type { TableSource } from '../../../engine/index.js';
import { freeBuffers } from './free-buffers.js';
import { rowsOf, type PayeeTables } from './one-payee.js';
import { cellAt, cellsAt, isPlain, plainLines } from './plain-lines.js';
import { bytesOf, type TableAt, type TablesAt } from './table-bytes.js';

/** The header and the rows whose trimmed `payee_id` cell passes `test` (`i`: the row's number among the data rows, from 1). */
function keep(source: TableAt, test: (id: string | undefined, i: number) => boolean): TableSource {
  const bytes = bytesOf(source);
  const rows: string[][] = [], lines: number[] = [];
  if (bytes && isPlain(bytes)) {
    const plain = plainLines(bytes);
    const at = plain.count ? cellsAt(plain, 0).map((h) => h.trim()).indexOf('payee_id') : -1;
    for (let i = 0; i < plain.count; i++) {
      if (i > 0 && !test(at < 0 ? undefined : cellAt(plain, i, at), i)) continue;
      rows.push(cellsAt(plain, i));
      lines.push(plain.line[i]);
    }
    freeBuffers(plain.start, plain.end, plain.line);
    return { file: source.file, rows, lines };
  }
  const all = rowsOf(source), at = all.rows[0]?.map((h) => h.trim()).indexOf('payee_id') ?? -1;
  all.rows.forEach((row, r) => {
    if (r > 0 && !test(row[at]?.trim(), r)) return;
    rows.push(row);
    lines.push(all.lines[r]);
  });
  return { file: all.file, rows, lines };
}

/** The tables of the payees at position `from` (0: the first data row of payees.csv) and after. */
export function tablesFrom(tables: TablesAt, from: number): PayeeTables {
  const ids = new Set<string | undefined>();
  const payees = keep(tables.payees, (id, i) => i > from && (ids.add(id), true));
  const ofPart = (source: TableAt) => keep(source, (id) => ids.has(id));
  return {
    id: `${tables.id}/from-${from}`,
    payees,
    facts: ofPart(tables.facts),
    ...(tables.transactions ? { transactions: ofPart(tables.transactions) } : {}),
  };
}

// One payee's own tables, cut from the dataset's: its payees.csv row, its facts rows (with the
// cells a what-if overrides), its transactions, found without parsing the other payees' rows. Rows keep their true lines, so a bad value typed
// in a what-if is reported where it came from. Only the engine's public API is used.
import { parseCsv, type TableSource } from '../../../engine/index.js';
import { freeBuffers } from './free-buffers.js';
import { cellAt, cellsAt, isPlain, plainLines } from './plain-lines.js';
import type { DatasetTables, FactOverride } from './protocol.js';

export interface Rows { file: string; rows: string[][]; lines: number[] }

export function rowsOf(source: TableSource): Rows {
  if ('rows' in source) return { file: source.file, rows: source.rows, lines: source.lines ?? source.rows.map((_, i) => i + 1) };
  const records = parseCsv(source.text);
  return { file: source.file, rows: records.map((r) => r.cells), lines: records.map((r) => r.line) };
}

/**
 * The header and the rows whose `payee_id` is `payeeId`. A plain text (no quotes or carriage
 * returns) is scanned line by line, splitting only the header and the payee's rows: a click on
 * one of 100,000 payees no longer parses 1.2 million rows of facts.
 */
function payeeRows(source: TableSource, payeeId: string): Rows {
  if ('text' in source && isPlain(source.text)) {
    const lines = plainLines(source.text);
    const at = lines.count ? cellsAt(lines, 0).map((h) => h.trim()).indexOf('payee_id') : -1;
    const rows: string[][] = [], kept: number[] = [];
    for (let i = 0; i < lines.count; i++) {
      if (i > 0 && (at < 0 || cellAt(lines, i, at) !== payeeId)) continue;
      rows.push(cellsAt(lines, i));
      kept.push(lines.line[i]);
    }
    freeBuffers(lines.start, lines.end, lines.line); // 14 MB at 100,000 payees, each click
    return { file: source.file, rows, lines: kept };
  }
  const { file, rows, lines } = rowsOf(source);
  const at = rows[0]?.map((h) => h.trim()).indexOf('payee_id') ?? -1;
  const keep = rows.map((row, i) => i === 0 || row[at]?.trim() === payeeId);
  return { file, rows: rows.filter((_, i) => keep[i]), lines: lines.filter((_, i) => keep[i]) };
}

/** The header and the rows whose `payee_id` is `payeeId`, as a table source. */
function cut(source: TableSource, payeeId: string, edit?: (header: string[], row: string[]) => string[]): TableSource {
  const { file, rows, lines } = payeeRows(source, payeeId);
  if (!rows.length) return { file, rows: [[]], lines: [1] };
  const header = rows[0].map((h) => h.trim());
  return { file, rows: [rows[0], ...rows.slice(1).map((row) => (edit ? edit(header, row) : row))], lines };
}

/** The payee's facts by month (`YYYY-MM` → column → cell text), for the what-if inputs. */
export function payeeFacts(tables: DatasetTables, payeeId: string): Record<string, Record<string, string>> {
  const { rows } = rowsOf(cut(tables.facts, payeeId));
  const header = rows[0].map((h) => h.trim());
  const period = header.indexOf('period');
  const out: Record<string, Record<string, string>> = {};
  for (const row of rows.slice(1)) {
    out[row[period].trim()] = Object.fromEntries(header.map((h, i) => [h, row[i] ?? '']).filter(([h]) => h !== 'period' && h !== 'payee_id'));
  }
  return out;
}

/** The tables of one payee with `overrides` applied to its facts. */
export function onePayeeTables(tables: DatasetTables, payeeId: string, overrides: FactOverride[]): DatasetTables {
  const facts = cut(tables.facts, payeeId, (header, row) => {
    const period = row[header.indexOf('period')]?.trim();
    const out = [...row];
    for (const o of overrides) if (o.period === period && header.includes(o.fact)) out[header.indexOf(o.fact)] = o.value;
    return out;
  });
  return {
    id: `${tables.id}/${payeeId}`,
    payees: cut(tables.payees, payeeId),
    facts,
    ...(tables.transactions ? { transactions: cut(tables.transactions, payeeId) } : {}),
  };
}

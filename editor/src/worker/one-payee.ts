// One payee's own tables, cut from the dataset's: its payees.csv row, its facts rows (with the
// cells a what-if overrides), its transactions. Rows keep their true lines, so a bad value typed
// in a what-if is reported where it came from. Only the engine's public API is used.
import { parseCsv, type TableSource } from '../../../engine/index.js';
import type { DatasetTables, FactOverride } from './protocol.js';

export interface Rows { file: string; rows: string[][]; lines: number[] }

export function rowsOf(source: TableSource): Rows {
  if ('rows' in source) return { file: source.file, rows: source.rows, lines: source.lines ?? source.rows.map((_, i) => i + 1) };
  const records = parseCsv(source.text);
  return { file: source.file, rows: records.map((r) => r.cells), lines: records.map((r) => r.line) };
}

/** The header and the rows whose `payee_id` is `payeeId`, as a table source. */
function cut(source: TableSource, payeeId: string, edit?: (header: string[], row: string[]) => string[]): TableSource {
  const { file, rows, lines } = rowsOf(source);
  const header = rows[0]?.map((h) => h.trim()) ?? [];
  const at = header.indexOf('payee_id');
  const kept: string[][] = [rows[0] ?? []], keptLines = [lines[0] ?? 1];
  rows.forEach((row, i) => {
    if (i === 0 || row[at]?.trim() !== payeeId) return;
    kept.push(edit ? edit(header, row) : row);
    keptLines.push(lines[i]);
  });
  return { file, rows: kept, lines: keptLines };
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

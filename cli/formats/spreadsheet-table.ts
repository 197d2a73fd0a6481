// An Excel workbook's first sheet as a dataset table, read the same way in Node, a browser and a
// Worker (read-excel-file's universal build: no Node imports). Numbers are written as the
// shortest decimal that reads back as the stored number (what Excel shows), dates as months
// (YYYY-MM), and every row keeps its row number in the sheet for messages; blank rows are skipped.
import { readSheet } from 'read-excel-file/universal';
import { errorAt, RatecardError, type TableSource } from '../../engine/index.js';

const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 7);
  return String(v);
};

/** Rows as read-excel-file gives them, as a table: text cells, sheet row numbers, blank rows out. */
export function sheetTable(file: string, rows: unknown[][]): TableSource {
  const kept = rows.map((r, i) => ({ cells: r.map(cellText), line: i + 1 })).filter((r) => r.cells.some((c) => c.trim() !== ''));
  return { file, rows: kept.map((r) => r.cells), lines: kept.map((r) => r.line) };
}

export async function readSpreadsheetTable(file: string, data: ArrayBuffer | Blob): Promise<TableSource> {
  let rows: unknown[][];
  try {
    rows = (await readSheet(data)) as unknown[][];
  } catch (e) {
    const why = e instanceof Error ? e.message.replace(/^./, (c) => c.toLowerCase()).replace(/\.$/, '') : String(e);
    throw new RatecardError([errorAt({ file, line: 1, column: 1 }, '', `cannot read the spreadsheet: ${why}`, 'xlsx-unreadable')]);
  }
  return sheetTable(file, rows);
}

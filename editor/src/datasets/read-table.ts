// A table the user loaded: CSV as text, Excel (.xlsx) as rows of text read in the browser. From
// a workbook with several sheets, the one named after the table (`facts`, as in the template);
// numbers as Excel shows them (15 significant digits: 99999.99999999999 is 100000), read from
// the stored text, never through a float; a header `收入 (revenue_actual)` is the column
// `revenue_actual`, so the template's headers read back.
import readXlsxFile from 'read-excel-file/browser';
import type { TableInput } from '../worker/table-bytes.js';
import { excelNumber } from './excel-number.js';

export type TableName = 'payees' | 'facts' | 'transactions';

const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 7);
  return String(v);
};

/** `收入 (revenue_actual)` or `收入（revenue_actual）` → `revenue_actual`; other headers as written. */
export const columnOfHeader = (header: string): string => /[(（]\s*([A-Za-z][A-Za-z0-9_-]*)\s*[)）]\s*$/.exec(header)?.[1] ?? header;

export async function readTableFile(file: File, table?: TableName): Promise<TableInput> {
  if (/\.xlsx$/i.test(file.name)) {
    const sheets = await readXlsxFile(file, { parseNumber: excelNumber });
    const sheet = sheets.find((s) => s.sheet.trim().toLowerCase() === table) ?? sheets[0];
    const rows = (sheet?.data ?? []).map((r) => r.map(cellText));
    if (rows[0]) rows[0] = rows[0].map(columnOfHeader);
    return { file: file.name, rows, lines: rows.map((_, i) => i + 1) };
  }
  // CSV as the file itself (a Blob on disk): the workers read its bytes where they read the
  // table (table-bytes.ts), the page never holds its text
  return { file: file.name, blob: file };
}

// A table the user loaded: CSV as text, Excel (.xlsx) as rows of text read in the browser.
import { readSheet } from 'read-excel-file/browser';
import type { TableSource } from '../../../engine/index.js';

const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 7);
  return String(v);
};

export async function readTableFile(file: File): Promise<TableSource> {
  if (/\.xlsx$/i.test(file.name)) {
    const rows = (await readSheet(file)) as unknown[][];
    return { file: file.name, rows: rows.map((r) => r.map(cellText)), lines: rows.map((_, i) => i + 1) };
  }
  return { file: file.name, text: await file.text() };
}

// Where a data problem is: a spreadsheet cell for .xlsx files (`facts.xlsx!D29`, as Excel names
// it), `file:line:column` for text files.
import type { Diagnostic } from '../../../engine/index.js';

/** 1 → `A`, 27 → `AA`. */
export function columnLetters(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out || 'A';
}

export function locationText(d: Pick<Diagnostic, 'file' | 'line' | 'column'>): string {
  return /\.xlsx$/i.test(d.file) ? `${d.file}!${columnLetters(d.column)}${d.line}` : `${d.file}:${d.line}:${d.column}`;
}

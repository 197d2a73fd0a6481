// A small RFC 4180 CSV reader that keeps the line number of every record, so a bad cell is
// reported at its true line even when quoted fields span lines. Browser-safe, no Buffer. A quote
// that is never closed is a CsvSyntaxError at the quote (never a file swallowed into one cell).
import { errorAt, RatecardError } from '../errors.js';
import { msg } from '../messages/msg.js';

export interface CsvRecord {
  /** 1-based line where the record starts. */
  line: number;
  cells: string[];
  /** 1-based column where each cell starts, on the line it starts on (a message points at the cell). */
  columns?: number[];
}

/** A CSV text that cannot be read as records; carries one located diagnostic. */
export class CsvSyntaxError extends RatecardError {}

/** `file` names the file in the diagnostic of a CsvSyntaxError. */
export function parseCsv(text: string, options: { file?: string } = {}): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let columns: number[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let lineStart = i;
  let quoteAt = { line: 1, column: 1 };
  columns.push(1);
  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '') records.push({ line: recordLine, cells, columns });
    cells = [];
    columns = [];
    cell = '';
  };
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { cell += '"'; i++; } else quoted = false;
      } else {
        if (c === '\n') { line++; lineStart = i + 1; }
        cell += c;
      }
    } else if (c === '"' && cell === '') { quoted = true; quoteAt = { line, column: i + 1 - lineStart }; }
    else if (c === ',') { cells.push(cell); cell = ''; columns.push(i + 2 - lineStart); }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
      lineStart = i + 1;
      columns.push(1);
    } else cell += c;
  }
  if (quoted) {
    const header = records.length ? records[0].cells[cells.length]?.trim() ?? '' : '';
    throw new CsvSyntaxError([errorAt({ file: options.file ?? '(csv)', ...quoteAt }, header,
      msg('data.unclosed-quote'), 'csv-unclosed-quote')]);
  }
  if (cell !== '' || cells.length) endRecord();
  return records;
}

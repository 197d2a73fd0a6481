// The non-blank lines of a plain CSV table's UTF-8 bytes (no quotes, no carriage returns: every
// newline ends a row, every comma separates two cells) as offsets in typed arrays: 1.2 million
// rows of facts cost 14 MB outside the JS heap instead of 1.2 million parsed records, and only
// the cells read become strings. Lines are numbered as parseCsv numbers them (a byte-order mark
// skipped, blank lines counted but not kept). Newlines and commas are single bytes that never
// occur inside a UTF-8 sequence, so cutting bytes cuts the text.
import { textAt } from './table-bytes.js';

export interface PlainLines {
  bytes: Uint8Array;
  /** Rows kept, the header first: where each starts and ends in `bytes`, and its line in the file. */
  start: Int32Array;
  end: Int32Array;
  line: Int32Array;
  count: number;
}

const NEWLINE = 10, COMMA = 44, QUOTE = 34, RETURN = 13;

/** True when `bytes` can be cut line by line and cell by comma exactly as parseCsv reads its text. */
export const isPlain = (bytes: Uint8Array) => bytes.indexOf(QUOTE) < 0 && bytes.indexOf(RETURN) < 0;

/** Where the text starts: after a UTF-8 byte-order mark. */
const firstByte = (b: Uint8Array) => (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0);

/**
 * Calls `visit` with each non-blank line of `bytes` from byte `from` (the line numbered `line`),
 * where it starts and ends and its number, until `visit` returns false.
 */
export function eachLine(bytes: Uint8Array, from: number, line: number, visit: (start: number, end: number, n: number) => boolean | void): void {
  for (let n = line; from < bytes.length; n++) {
    let to = bytes.indexOf(NEWLINE, from);
    if (to < 0) to = bytes.length;
    if (to > from && visit(from, to, n) === false) return;
    from = to + 1;
  }
}

/** The lines of plain bytes (see `isPlain`). */
export function plainLines(bytes: Uint8Array): PlainLines {
  let newlines = 0;
  for (let at = bytes.indexOf(NEWLINE); at >= 0; at = bytes.indexOf(NEWLINE, at + 1)) newlines++;
  const start = new Int32Array(newlines + 1), end = new Int32Array(newlines + 1), line = new Int32Array(newlines + 1);
  let count = 0;
  eachLine(bytes, firstByte(bytes), 1, (from, to, n) => { start[count] = from; end[count] = to; line[count++] = n; });
  return { bytes, start, end, line, count };
}

/** Row `i` as text. */
export const rowAt = (l: PlainLines, i: number) => textAt(l.bytes, l.start[i], l.end[i]);

/** The cells of row `i`. */
export const cellsAt = (l: PlainLines, i: number) => rowAt(l, i).split(',');

/** The cells of the row from byte `start` to `end`. */
export const cellsIn = (bytes: Uint8Array, start: number, end: number) => textAt(bytes, start, end).split(',');

/** Where cell `column` of the row from `start` to `end` starts (-1 when the row is shorter); it ends at the next comma or the row's end. */
function cellStart(bytes: Uint8Array, start: number, end: number, column: number): number {
  let from = start;
  for (let c = 0; c < column; c++) {
    const comma = bytes.indexOf(COMMA, from);
    if (comma < 0 || comma >= end) return -1;
    from = comma + 1;
  }
  return from;
}

function cellEnd(bytes: Uint8Array, from: number, end: number): number {
  const comma = bytes.indexOf(COMMA, from);
  return comma < 0 || comma >= end ? end : comma;
}

/** Cell `column` of row `i`, trimmed ('' when the row is shorter), without reading the rest of the row. */
export function cellAt(l: PlainLines, i: number, column: number): string {
  const from = cellStart(l.bytes, l.start[i], l.end[i], column);
  return from < 0 ? '' : textAt(l.bytes, from, cellEnd(l.bytes, from, l.end[i])).trim();
}

/** A byte `trim` may remove: ASCII space or control, or part of a multi-byte character (no-break and ideographic spaces). */
const maybeSpace = (b: number) => b <= 32 || b >= 128;

/**
 * True when cell `column` of the row from `start` to `end`, trimmed, is `text` (`utf8` its bytes),
 * comparing bytes: a trace finds one payee's rows among 1.2 million without making a string of
 * each. `text` is trimmed.
 */
function cellIsIn(bytes: Uint8Array, start: number, end: number, column: number, text: string, utf8: Uint8Array): boolean {
  const from = cellStart(bytes, start, end, column);
  if (from < 0) return text === '';
  const to = cellEnd(bytes, from, end);
  if (to - from === utf8.length) {
    for (let k = 0; k < utf8.length; k++) if (bytes[from + k] !== utf8[k]) return false;
    return true;
  }
  // a longer cell is the text only when trimming shortens it
  return to - from > utf8.length && (maybeSpace(bytes[from]) || maybeSpace(bytes[to - 1])) && textAt(bytes, from, to).trim() === text;
}

/** True when `cellAt(l, i, column) === text`, `utf8` being `text`'s bytes (see `cellIsIn`). */
export const cellIs = (l: PlainLines, i: number, column: number, text: string, utf8: Uint8Array): boolean =>
  cellIsIn(l.bytes, l.start[i], l.end[i], column, text, utf8);

/** Rows of plain bytes: their cells and their lines in the file. */
export interface CellRows { rows: string[][]; lines: number[] }

/**
 * Adds to `into` the rows of `bytes` from byte `from` (the line numbered `line`) whose cell
 * `column`, trimmed, is `text` (`utf8` its bytes), in one pass that splits only those rows.
 */
export function rowsIn(bytes: Uint8Array, from: number, line: number, column: number, text: string, utf8: Uint8Array, into: CellRows): CellRows {
  eachLine(bytes, from, line, (start, end, n) => {
    if (!cellIsIn(bytes, start, end, column, text, utf8)) return;
    into.rows.push(cellsIn(bytes, start, end));
    into.lines.push(n);
  });
  return into;
}

/**
 * The header and the rows whose cell `name` (the header's, trimmed) is `text` (trimmed; `utf8`
 * its bytes), as `plainLines` would number them, without a line index: a trace finds one payee's
 * 12 rows among 1.2 million (1 to 2 s in Chromium with a line index first). A table without the
 * column: its header only; no header: nothing.
 */
export function rowsWhere(bytes: Uint8Array, name: string, text: string, utf8: Uint8Array): CellRows {
  const found: CellRows = { rows: [], lines: [] };
  let headerEnd = 0;
  eachLine(bytes, firstByte(bytes), 1, (start, end, n) => {
    found.rows.push(cellsIn(bytes, start, end));
    found.lines.push(n);
    headerEnd = end;
    return false;
  });
  if (!found.rows.length) return found;
  const column = found.rows[0].map((c) => c.trim()).indexOf(name);
  return column < 0 ? found : rowsIn(bytes, headerEnd + 1, found.lines[0] + 1, column, text, utf8, found);
}

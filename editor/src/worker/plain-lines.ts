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

/** The lines of plain bytes (see `isPlain`). */
export function plainLines(bytes: Uint8Array): PlainLines {
  let newlines = 0;
  for (let at = bytes.indexOf(NEWLINE); at >= 0; at = bytes.indexOf(NEWLINE, at + 1)) newlines++;
  const start = new Int32Array(newlines + 1), end = new Int32Array(newlines + 1), line = new Int32Array(newlines + 1);
  let count = 0;
  for (let from = firstByte(bytes), n = 1; from <= bytes.length; n++) {
    let to = bytes.indexOf(NEWLINE, from);
    if (to < 0) to = bytes.length;
    if (to > from) { start[count] = from; end[count] = to; line[count++] = n; }
    from = to + 1;
  }
  return { bytes, start, end, line, count };
}

/** Row `i` as text. */
export const rowAt = (l: PlainLines, i: number) => textAt(l.bytes, l.start[i], l.end[i]);

/** The cells of row `i`. */
export const cellsAt = (l: PlainLines, i: number) => rowAt(l, i).split(',');

/** Where cell `column` of row `i` starts (-1 when the row is shorter); it ends at the next comma or the row's end. */
function cellStart(l: PlainLines, i: number, column: number): number {
  let from = l.start[i];
  for (let c = 0; c < column; c++) {
    const comma = l.bytes.indexOf(COMMA, from);
    if (comma < 0 || comma >= l.end[i]) return -1;
    from = comma + 1;
  }
  return from;
}

function cellEnd(l: PlainLines, i: number, from: number): number {
  const comma = l.bytes.indexOf(COMMA, from);
  return comma < 0 || comma >= l.end[i] ? l.end[i] : comma;
}

/** Cell `column` of row `i`, trimmed ('' when the row is shorter), without reading the rest of the row. */
export function cellAt(l: PlainLines, i: number, column: number): string {
  const from = cellStart(l, i, column);
  return from < 0 ? '' : textAt(l.bytes, from, cellEnd(l, i, from)).trim();
}

/** A byte `trim` may remove: ASCII space or control, or part of a multi-byte character (no-break and ideographic spaces). */
const maybeSpace = (b: number) => b <= 32 || b >= 128;

/**
 * True when `cellAt(l, i, column) === text`, `utf8` being `text`'s bytes, comparing bytes: a trace
 * finds one payee's rows among 1.2 million without making a string of each. `text` is trimmed.
 */
export function cellIs(l: PlainLines, i: number, column: number, text: string, utf8: Uint8Array): boolean {
  const from = cellStart(l, i, column);
  if (from < 0) return text === '';
  const to = cellEnd(l, i, from), { bytes } = l;
  if (to - from === utf8.length) {
    for (let k = 0; k < utf8.length; k++) if (bytes[from + k] !== utf8[k]) return false;
    return true;
  }
  // a longer cell is the text only when trimming shortens it
  return to - from > utf8.length && (maybeSpace(bytes[from]) || maybeSpace(bytes[to - 1])) && textAt(bytes, from, to).trim() === text;
}

/** The header's cells (the first non-blank line), trimmed, where it starts and ends, and its line; undefined for no header. */
function headerOf(bytes: Uint8Array): { cells: string[]; start: number; end: number; line: number } | undefined {
  for (let from = firstByte(bytes), n = 1; from < bytes.length; n++) {
    let to = bytes.indexOf(NEWLINE, from);
    if (to < 0) to = bytes.length;
    if (to > from) return { cells: textAt(bytes, from, to).split(',').map((c) => c.trim()), start: from, end: to, line: n };
    from = to + 1;
  }
  return undefined;
}

/**
 * The header and the rows whose cell `name` (the header's, trimmed) is `text` (trimmed; `utf8`
 * its bytes), as the lines `plainLines` would keep, in one pass over plain bytes that makes no
 * array per line: a trace finds one payee's 12 rows among 1.2 million (1 to 2 s in Chromium with
 * a line index first). A table without the column: its header only.
 */
export function rowsWhere(bytes: Uint8Array, name: string, text: string, utf8: Uint8Array): { start: number[]; end: number[]; line: number[] } {
  const header = headerOf(bytes);
  if (!header) return { start: [], end: [], line: [] };
  const column = header.cells.indexOf(name);
  const start = [header.start], end = [header.end], line = [header.line];
  if (column < 0) return { start, end, line };
  const one: PlainLines = { bytes, start: new Int32Array(1), end: new Int32Array(1), line: new Int32Array(1), count: 1 };
  for (let from = header.end + 1, n = header.line + 1; from < bytes.length; n++) {
    let to = bytes.indexOf(NEWLINE, from);
    if (to < 0) to = bytes.length;
    if (to > from) {
      one.start[0] = from;
      one.end[0] = to;
      if (cellIs(one, 0, column, text, utf8)) { start.push(from); end.push(to); line.push(n); }
    }
    from = to + 1;
  }
  return { start, end, line };
}

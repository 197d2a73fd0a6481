// The non-blank lines of a plain CSV text (no quotes, no carriage returns: every newline ends a
// row, every comma separates two cells) as offsets in typed arrays: 1.2 million rows of facts
// cost 14 MB outside the JS heap instead of 1.2 million parsed records. Lines are numbered as
// parseCsv numbers them (a byte-order mark skipped, blank lines counted but not kept).

export interface PlainLines {
  text: string;
  /** Rows kept, the header first: where each starts and ends in `text`, and its line in the file. */
  start: Int32Array;
  end: Int32Array;
  line: Int32Array;
  count: number;
}

/** True when `text` can be cut line by line and cell by comma exactly as parseCsv reads it. */
export const isPlain = (text: string) => !text.includes('"') && !text.includes('\r');

/** The lines of a plain text (see `isPlain`). */
export function plainLines(text: string): PlainLines {
  let newlines = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) newlines++;
  const start = new Int32Array(newlines + 1), end = new Int32Array(newlines + 1), line = new Int32Array(newlines + 1);
  let count = 0;
  for (let from = text.charCodeAt(0) === 0xfeff ? 1 : 0, n = 1; from <= text.length; n++) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    if (to > from) { start[count] = from; end[count] = to; line[count++] = n; }
    from = to + 1;
  }
  return { text, start, end, line, count };
}

/** The cells of row `i`. */
export const cellsAt = (l: PlainLines, i: number) => l.text.slice(l.start[i], l.end[i]).split(',');

/** Cell `column` of row `i`, trimmed ('' when the row is shorter), without splitting the rest of the row. */
export function cellAt(l: PlainLines, i: number, column: number): string {
  let from = l.start[i];
  const end = l.end[i];
  for (let c = 0; c < column; c++) {
    const comma = l.text.indexOf(',', from);
    if (comma < 0 || comma >= end) return '';
    from = comma + 1;
  }
  const comma = l.text.indexOf(',', from);
  return l.text.slice(from, comma < 0 || comma >= end ? end : comma).trim();
}

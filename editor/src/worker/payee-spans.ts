// Where each payee's rows lie in the tables' bytes, noted while the dataset is read in chunks:
// a trace then reads only that span (a byte range of the served table, a slice of the picked
// file) instead of fetching and scanning the whole table again (1 to 2 s at 100,000 payees ×
// 12 months in Chromium; a span of 12 rows is a few hundred bytes). A payee's facts rows need not
// be next to each other: the span runs from its first row to its last, and the rows of other
// payees in it are left out; a span too wide to be worth it is not used (the whole table is read).
import type { TableSource } from '../../../engine/index.js';
import { type PlainLines, rowAt, rowsIn } from './plain-lines.js';
import type { DatasetTables } from './protocol.js';
import { readSpan, type TableInput, type TablesAt } from './table-bytes.js';

/** A payee's rows farther apart than this (bytes) are not read alone: its trace reads the whole tables. */
export const SPAN_LIMIT = 1 << 20;

/** By payee position in payees.csv: where its rows start and end in a table's bytes (-1: no row) and the line of its first row. */
export interface TableSpans { header: string; headerLine: number; start: Int32Array; end: Int32Array; line: Int32Array }
export interface PayeeSpans { payees: TableSpans; facts: TableSpans }

function spansOf(lines: PlainLines, payees: number): TableSpans {
  return { header: rowAt(lines, 0), headerLine: lines.line[0], start: new Int32Array(payees).fill(-1), end: new Int32Array(payees).fill(-1), line: new Int32Array(payees) };
}

/** Notes the rows of each payee while payees.csv and facts.csv are read (their plain lines). */
export class SpansBuilder {
  private readonly spans: PayeeSpans;

  constructor(private readonly payeeLines: PlainLines, private readonly factLines: PlainLines) {
    const payees = payeeLines.count - 1;
    this.spans = { payees: spansOf(payeeLines, payees), facts: spansOf(factLines, payees) };
  }

  private note(s: TableSpans, lines: PlainLines, payee: number, row: number): void {
    if (s.start[payee] < 0) { s.start[payee] = lines.start[row]; s.line[payee] = lines.line[row]; }
    s.end[payee] = lines.end[row];
  }

  /** Row `row` of payees.csv is the payee at `payee`. */
  payee(payee: number, row: number): void { this.note(this.spans.payees, this.payeeLines, payee, row); }

  /** Row `row` of facts.csv (rows come in file order) is of the payee at `payee`. */
  fact(payee: number, row: number): void { this.note(this.spans.facts, this.factLines, payee, row); }

  done(): PayeeSpans { return this.spans; }
}

/** The header and the rows of `bytes` (starting at line `line`) whose `payee_id` is `payeeId`, as a table of rows. */
function rowsOfSpan(file: string, spans: TableSpans, bytes: Uint8Array, line: number, payeeId: string): TableSource {
  const header = spans.header.split(','), at = header.map((h) => h.trim()).indexOf('payee_id');
  const found = { rows: [header], lines: [spans.headerLine] };
  return { file, ...(at < 0 ? found : rowsIn(bytes, 0, line, at, payeeId, new TextEncoder().encode(payeeId), found)) };
}

async function payeeTable(table: TableInput, spans: TableSpans, payee: number, payeeId: string, limit: number): Promise<TableSource | undefined> {
  const start = spans.start[payee], end = spans.end[payee];
  if (start < 0) return { file: table.file, rows: [spans.header.split(',')], lines: [spans.headerLine] };
  if (end - start > limit) return undefined;
  const bytes = await readSpan(table, start, end);
  return bytes && rowsOfSpan(table.file, spans, bytes, spans.line[payee], payeeId);
}

/**
 * The tables of the payee at position `payee` (`payeeId`), read from its spans: the header and
 * its rows, each with its line in the file, as the whole tables give them. Undefined where a span
 * is wider than `limit` bytes or cannot be read alone: the whole tables are read then.
 */
export async function payeeTablesOf(tables: DatasetTables, spans: PayeeSpans, payee: number, payeeId: string, limit: number): Promise<TablesAt | undefined> {
  const [payees, facts] = await Promise.all([payeeTable(tables.payees, spans.payees, payee, payeeId, limit), payeeTable(tables.facts, spans.facts, payee, payeeId, limit)]);
  return payees && facts && { id: `${tables.id}/${payeeId}`, payees, facts };
}

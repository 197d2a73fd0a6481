// Splits a large dataset into parts of whole payees (consecutive in payees.csv) on disk, in
// one streaming pass per file, so each part can be settled alone and memory stays flat.
// A part holds at most a number of payees and, when there are transactions, at most a number
// of transactions (counted in a first pass over the transactions file; a payee with more than
// that has a part of its own), so a part's memory is bounded by its rows, not its payees.
// Each stored row keeps its original line number, so messages still point at the real file.
import { createReadStream, mkdtempSync, openSync, rmSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { errorAt, RatecardError } from '../engine/index.js';

export interface PartitionedFile { file: string; header: string; parts: string[]; periods?: { first: string; last: string } }
export interface Partition {
  dir: string;
  partCount: number;
  /** Payees in each part, in order. */
  payeesInPart: number[];
  payees: PartitionedFile;
  facts: PartitionedFile;
  transactions?: PartitionedFile;
  payeeCount: number;
  cleanup(): void;
}

async function* lines(path: string): AsyncGenerator<{ line: number; text: string }> {
  const input = createReadStream(path, { encoding: 'utf8' });
  const reader = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of reader) {
      line++;
      yield { line, text: line === 1 ? text.replace(/^\uFEFF/, '') : text };
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new RatecardError([errorAt({ file: path, line: 1, column: 1 }, '', `cannot read the file: ${code === 'ENOENT' ? 'no such file' : code ?? String(e)}`, 'io')]);
  }
}

/** Rows buffered across all parts before they are written: bounds memory whatever the part count. */
const BUFFERED_ROWS = 20_000;

class PartWriter {
  private buffers: string[][] = [];
  private fds: number[] = [];
  private buffered = 0;
  constructor(private readonly pathOf: (part: number) => string) {}
  add(part: number, line: number, text: string) {
    (this.buffers[part] ??= []).push(`${line}\t${text}`);
    if (++this.buffered >= BUFFERED_ROWS) this.flushAll();
  }
  /** Every part file from 0 to `count` - 1 exists, even a part without rows. */
  close(count: number): string[] {
    this.flushAll();
    for (let i = 0; i < count; i++) this.fds[i] ??= openSync(this.pathOf(i), 'w');
    this.fds.forEach((fd) => closeSync(fd));
    return Array.from({ length: count }, (_, i) => this.pathOf(i));
  }
  private flushAll() {
    this.buffers.forEach((b, part) => {
      if (!b.length) return;
      writeSync(this.fds[part] ??= openSync(this.pathOf(part), 'w'), b.join('\n') + '\n');
      this.buffers[part] = [];
    });
    this.buffered = 0;
  }
}

/** The column of `name` in a header line (simple CSV header: no quoted commas). */
function columnIndex(header: string, name: string, file: string): number {
  const i = header.split(',').map((h) => h.trim().replace(/^"|"$/g, '')).indexOf(name);
  if (i < 0) throw new RatecardError([errorAt({ file, line: 1, column: 1 }, name, `missing column \`${name}\``, 'csv-missing-column')]);
  return i;
}

const cellAt = (text: string, i: number) => {
  // fast path for unquoted rows; quoted rows fall back to a full split
  const cells = text.includes('"') ? text.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')) : text.split(',');
  return (cells[i] ?? '').trim();
};

/** Rows of each payee id in a file with a `payee_id` column. */
async function rowsByPayee(file: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  let col = 0;
  for await (const row of lines(file)) {
    if (row.line === 1) { col = columnIndex(row.text, 'payee_id', file); continue; }
    if (!row.text.trim()) continue;
    const id = cellAt(row.text, col);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

export interface PartSize {
  payees: number;
  /** Transactions a part holds at most, unless one payee has more. */
  transactions: number;
}

export async function partition(files: { payees: string; facts: string; transactions?: string }, size: PartSize): Promise<Partition> {
  const dir = mkdtempSync(join(tmpdir(), 'ratecard-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    const rowsOf = files.transactions ? await rowsByPayee(files.transactions) : undefined;
    const partOf = new Map<string, number>();
    const payeesInPart: number[] = [];
    let rowsInPart = 0;
    const path = (kind: string, i: number) => join(dir, `${kind}-${i}.tsv`);
    const payeeWriter = new PartWriter((i) => path('payees', i));
    let payeeHeader = '';
    let idColumn = 0;
    for await (const row of lines(files.payees)) {
      if (row.line === 1) { payeeHeader = row.text; idColumn = columnIndex(row.text, 'payee_id', files.payees); continue; }
      if (!row.text.trim()) continue;
      const id = cellAt(row.text, idColumn);
      if (!partOf.has(id)) {
        const rows = rowsOf?.get(id) ?? 0;
        const last = payeesInPart.length - 1;
        if (last < 0 || payeesInPart[last] >= size.payees || rowsInPart + rows > size.transactions) {
          payeesInPart.push(0);
          rowsInPart = 0;
        }
        partOf.set(id, payeesInPart.length - 1);
        payeesInPart[payeesInPart.length - 1]++;
        rowsInPart += rows;
      }
      payeeWriter.add(partOf.get(id)!, row.line, row.text); // a repeated id stays with its first row, where it is reported
    }
    if (!payeesInPart.length) payeesInPart.push(0);
    const partCount = payeesInPart.length;
    const payeeParts = payeeWriter.close(partCount);

    const split = async (file: string, kind: string): Promise<PartitionedFile> => {
      const w = new PartWriter((i) => path(kind, i));
      let header = '';
      let col = 0;
      let periodCol = -1;
      let first = '', last = '';
      const unknown: { line: number; id: string }[] = [];
      for await (const row of lines(file)) {
        if (row.line === 1) {
          header = row.text;
          col = columnIndex(row.text, 'payee_id', file);
          if (kind === 'facts') periodCol = columnIndex(row.text, 'period', file);
          continue;
        }
        if (!row.text.trim()) continue;
        const id = cellAt(row.text, col);
        if (periodCol >= 0) {
          const period = cellAt(row.text, periodCol);
          if (!first || period < first) first = period;
          if (period > last) last = period;
        }
        const part = partOf.get(id);
        if (part === undefined) unknown.push({ line: row.line, id });
        else w.add(part, row.line, row.text);
      }
      const parts = w.close(partCount);
      if (unknown.length) {
        throw new RatecardError(unknown.slice(0, 20).map((u) => errorAt({ file, line: u.line, column: 1 }, 'payee_id', `unknown payee \`${u.id}\`: not in ${files.payees}`, 'csv-unknown-payee')));
      }
      return { file, header, parts, periods: first ? { first, last } : undefined };
    };
    const facts = await split(files.facts, 'facts');
    const transactions = files.transactions ? await split(files.transactions, 'transactions') : undefined;
    return { dir, partCount, payeesInPart, payees: { file: files.payees, header: payeeHeader, parts: payeeParts }, facts, transactions, payeeCount: partOf.size, cleanup };
  } catch (e) {
    cleanup();
    throw e;
  }
}

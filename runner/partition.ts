// Splits a large dataset into parts of whole payees (consecutive in payees.csv) on disk, in
// one streaming pass per file, so each part can be settled alone and memory stays flat.
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

class PartWriter {
  private buffers: string[][] = [];
  private fds: number[] = [];
  constructor(readonly paths: string[]) {
    this.fds = paths.map((p) => openSync(p, 'w'));
    this.buffers = paths.map(() => []);
  }
  add(part: number, line: number, text: string) {
    const b = this.buffers[part];
    b.push(`${line}\t${text}`);
    if (b.length >= 2000) this.flush(part);
  }
  flush(part: number) {
    if (this.buffers[part].length) writeSync(this.fds[part], this.buffers[part].join('\n') + '\n');
    this.buffers[part] = [];
  }
  close() {
    this.paths.forEach((_, i) => this.flush(i));
    this.fds.forEach((fd) => closeSync(fd));
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

export async function partition(files: { payees: string; facts: string; transactions?: string }, payeesPerPart: number): Promise<Partition> {
  const dir = mkdtempSync(join(tmpdir(), 'ratecard-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    const partOf = new Map<string, number>();
    const payeeRows: { line: number; text: string }[][] = [];
    let payeeHeader = '';
    let idColumn = 0;
    for await (const row of lines(files.payees)) {
      if (row.line === 1) { payeeHeader = row.text; idColumn = columnIndex(row.text, 'payee_id', files.payees); continue; }
      if (!row.text.trim()) continue;
      const id = cellAt(row.text, idColumn);
      const part = Math.floor(partOf.size / payeesPerPart);
      if (!partOf.has(id)) partOf.set(id, part);
      (payeeRows[partOf.get(id)!] ??= []).push(row);
    }
    const partCount = Math.max(1, payeeRows.length);
    const path = (kind: string, i: number) => join(dir, `${kind}-${i}.tsv`);
    const payeeParts = Array.from({ length: partCount }, (_, i) => path('payees', i));
    const writer = new PartWriter(payeeParts);
    payeeRows.forEach((rows, i) => rows.forEach((r) => writer.add(i, r.line, r.text)));
    writer.close();

    const split = async (file: string, kind: string): Promise<PartitionedFile> => {
      const parts = Array.from({ length: partCount }, (_, i) => path(kind, i));
      const w = new PartWriter(parts);
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
      w.close();
      if (unknown.length) {
        throw new RatecardError(unknown.slice(0, 20).map((u) => errorAt({ file, line: u.line, column: 1 }, 'payee_id', `unknown payee \`${u.id}\`: not in ${files.payees}`, 'csv-unknown-payee')));
      }
      return { file, header, parts, periods: first ? { first, last } : undefined };
    };
    const facts = await split(files.facts, 'facts');
    const transactions = files.transactions ? await split(files.transactions, 'transactions') : undefined;
    return { dir, partCount, payees: { file: files.payees, header: payeeHeader, parts: payeeParts }, facts, transactions, payeeCount: partOf.size, cleanup };
  } catch (e) {
    cleanup();
    throw e;
  }
}

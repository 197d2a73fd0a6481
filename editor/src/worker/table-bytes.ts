// The tables as the preview holds them. The page keeps no copy of a chosen dataset: a bundled
// table is its URL, a picked CSV file the File itself (a Blob on disk); both cross to the workers
// as they are. A worker reads a table's bytes only while it reads the dataset or one payee's rows
// (payee-spans.ts), into an array of its own, and frees them at once (`free-buffers.ts`): held as
// strings, the 81 MB of text at 100,000 payees stood in the page and again in the preview worker,
// and a string read again stayed in V8's large-object space until a full collection.
import type { TableSource } from '../../../engine/index.js';
import { freeBuffers } from './free-buffers.js';

/** A table as UTF-8 bytes (what a Blob holds). */
export interface TableBytes { file: string; bytes: Uint8Array }
/** A table kept as a Blob (a file the user picked), read when needed. */
export interface TableBlob { file: string; blob: Blob }
/** A table the server serves (a bundled dataset's), fetched where it is read. */
export interface TableUrl { file: string; url: string }
/** A table that can be read now. */
export type TableAt = TableSource | TableBytes;
/** A table as the page sends it. */
export type TableInput = TableAt | TableBlob | TableUrl;

/** A dataset's tables that can be read now. */
export interface TablesAt { id: string; payees: TableAt; facts: TableAt; transactions?: TableAt }
/** A dataset's tables as text or rows (the engine reads them as they are). */
export interface SourceTables { id: string; payees: TableSource; facts: TableSource; transactions?: TableSource }

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** The table's UTF-8 bytes (a text encoded, its byte-order mark kept); undefined for spreadsheet rows. */
export function bytesOf(table: TableAt): Uint8Array | undefined {
  if ('bytes' in table) return table.bytes;
  return 'text' in table ? encoder.encode(table.text) : undefined;
}

/** Up to this many bytes of ASCII are made a string by V8 alone. */
const SHORT = 1024;

/**
 * Bytes `from` to `to` as text (UTF-8, as `Blob.text()` reads them). A short ASCII range (a cell,
 * a row) is made by `String.fromCharCode` in V8: a `TextDecoder` call per cell made Blink strings
 * and buffers (about 140 MB over 1.2 million rows in Chromium) that stood until Blink's next full
 * collection.
 */
export function textAt(bytes: Uint8Array, from = 0, to = bytes.length): string {
  if (to - from <= SHORT) {
    let ascii = true;
    for (let i = from; i < to; i++) if (bytes[i] >= 128) { ascii = false; break; }
    if (ascii) return String.fromCharCode.apply(null, bytes.subarray(from, to) as unknown as number[]);
  }
  return decoder.decode(bytes.subarray(from, to));
}

/** The table as the engine reads it: bytes decoded to text (a byte-order mark dropped, as `Blob.text()` does). */
export function sourceOf(table: TableAt): TableSource {
  return 'bytes' in table ? { file: table.file, text: textAt(table.bytes) } : table;
}

/**
 * The bytes of `stream` in an array of this thread's own, chunk by chunk (`size`: the expected
 * length, when known). A buffer a browser API makes whole (`Response.arrayBuffer()`,
 * `Blob.arrayBuffer()`) is also held by Blink: `transfer(0)` did not free it, and the 71 MB of
 * facts stood in each worker until Blink's next full collection, while the user edited (measured
 * in Chromium's allocator dump). An array made here is freed by `transfer(0)` as soon as the
 * read ends; only the stream's small chunks (about a third of the bytes) wait for a collection.
 */
async function streamBytes(stream: ReadableStream<Uint8Array>, size = 0): Promise<Uint8Array> {
  let out = new Uint8Array(size || 1 << 20), at = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (at + value.length > out.length) {
      const grown = new Uint8Array(Math.max(out.length * 2, at + value.length));
      grown.set(out.subarray(0, at));
      freeBuffers(out);
      out = grown;
    }
    out.set(value, at);
    at += value.length;
  }
  return at === out.length ? out : out.subarray(0, at);
}

/** The server's answer for a table (its whole body or a range), or the problem naming the table. */
async function request(table: TableUrl, init?: RequestInit): Promise<Response & { body: ReadableStream<Uint8Array> }> {
  const res = await fetch(table.url, init).catch((e: Error) => { throw new Error(`could not read \`${table.file}\`: ${e.message}`); });
  if (!res.ok || !res.body) throw new Error(`could not read \`${table.file}\`: ${res.status} ${await res.text()}`);
  return res as Response & { body: ReadableStream<Uint8Array> };
}

/** The whole body's bytes. */
const bodyBytes = (res: Response & { body: ReadableStream<Uint8Array> }) => streamBytes(res.body, Number(res.headers.get('content-length')) || 0);

/** The bytes of a table fetched from the server. */
const fetched = async (table: TableUrl) => bodyBytes(await request(table));

/** `read` of a picked file, which may have changed or gone on disk since it was chosen. */
async function fromFile<T>(table: TableBlob, read: (blob: Blob) => Promise<T>): Promise<T> {
  try {
    return await read(table.blob);
  } catch (e) {
    throw new Error(`could not read \`${table.file}\` (${(e as Error).message || 'changed or removed since it was chosen'}): choose it again`);
  }
}

/** A picked file's bytes. */
const blobBytes = (table: TableBlob) => fromFile(table, (blob) => streamBytes(blob.stream(), blob.size));

/** Reads a Blob's or a served table's bytes; other tables as they are. */
export async function readTable(table: TableInput): Promise<TableAt> {
  if ('url' in table) return { file: table.file, bytes: await fetched(table) };
  return 'blob' in table ? { file: table.file, bytes: await blobBytes(table) } : table;
}

/** Bytes `start` to `end` of a table: a byte range of a served one, a slice of a Blob; undefined for spreadsheet rows. */
export async function readSpan(table: TableInput, start: number, end: number): Promise<Uint8Array | undefined> {
  if ('url' in table) {
    const res = await request(table, { headers: { range: `bytes=${start}-${end - 1}` } });
    if (res.status === 206) return new Uint8Array(await res.arrayBuffer());
    // a server that sends the whole table: the span cut from it
    const all = await bodyBytes(res);
    const span = all.slice(start, end);
    freeBuffers(all);
    return span;
  }
  if ('blob' in table) return fromFile(table, async (blob) => new Uint8Array(await blob.slice(start, end).arrayBuffer()));
  return bytesOf(table)?.slice(start, end);
}

/** The table as the engine reads it, a Blob read as text (for the server: an approval's dataset). */
export async function textSource(table: TableInput): Promise<TableSource> {
  if ('url' in table) return { file: table.file, text: textAt(await fetched(table)) };
  return 'blob' in table ? { file: table.file, text: textAt(await blobBytes(table)) } : sourceOf(table);
}

/** The tables with every Blob read. */
export async function readTables<T extends { payees: TableInput; facts: TableInput; transactions?: TableInput; id: string }>(tables: T): Promise<TablesAt> {
  const [payees, facts, transactions] = await Promise.all([readTable(tables.payees), readTable(tables.facts), tables.transactions && readTable(tables.transactions)]);
  return { id: tables.id, payees, facts, ...(transactions ? { transactions } : {}) };
}

/** True when every table can be read now (no Blob). */
const isAt = (t: TableInput): t is TableAt => !('blob' in t) && !('url' in t);
export const allAt = (tables: { payees: TableInput; facts: TableInput; transactions?: TableInput }): boolean =>
  isAt(tables.payees) && isAt(tables.facts) && (!tables.transactions || isAt(tables.transactions));

/** The tables, checked to hold no Blob (`readTables` reads them). */
export function tablesAt<T extends { payees: TableInput; facts: TableInput; transactions?: TableInput; id: string }>(tables: T): TablesAt {
  if (!allAt(tables)) throw new Error('the dataset tables are Blobs not read yet');
  return tables as TablesAt;
}

/** Frees the bytes `readTables` read from Blobs (never read `read` again). */
export function freeRead(read: TablesAt, from: { payees: TableInput; facts: TableInput; transactions?: TableInput }): void {
  for (const name of ['payees', 'facts', 'transactions'] as const) {
    const t = read[name], was = from[name];
    if (t && was && !isAt(was) && 'bytes' in t) freeBuffers(t.bytes);
  }
}

// Reads a large dataset a hundred payees at a time and joins the parts. One readDataset over
// the whole text holds a parsed record per row (1.2 million at 100,000 payees × 12 months) and an
// `Exact` per cell until it returns, so V8 moves that garbage into the old generation and
// collects it late: the preview worker's heap stood at 1 GB after loading for 278 MB kept. Read
// in chunks, a chunk's records and its repeated values (shared at once) die young. Only where the
// result is certainly the whole read's: plain tables (bytes or text), no transactions, every payee id in payees.csv
// once, no problem in any chunk; otherwise undefined, and the caller reads the whole text, which
// reports any problem as it always has.
import { type CompiledPolicy, type Dataset, type DatasetResult, readDataset, type TableSource } from '../../../engine/index.js';
import { freeBuffers } from './free-buffers.js';
import { cellAt, cellsAt, isPlain, type PlainLines, plainLines } from './plain-lines.js';
import { shareValues, ValuePool } from './shared-values.js';
import { type PayeeSpans, SpansBuilder } from './payee-spans.js';
import { bytesOf, type TablesAt } from './table-bytes.js';

/** Payees the policy covers per chunk: a chunk's parsed rows (about 1 MB) stay in the young generation. */
export const CHUNK = 100;

/** The rows `rows` (indices into `lines`) after the header, as a table source. */
function source(file: string, lines: PlainLines, rows: Iterable<number>): TableSource {
  const kept = [cellsAt(lines, 0)], at = [lines.line[0]];
  for (const i of rows) { kept.push(cellsAt(lines, i)); at.push(lines.line[i]); }
  return { file, rows: kept, lines: at };
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/** Where each chunk's payees start (row indices in payees.csv), each chunk holding CHUNK covered payees; undefined on a missing, empty or repeated payee id. */
function chunkStarts(payees: PlainLines, first: number, policy: CompiledPolicy, chunkOf: Map<string, number>, rowOf?: Map<string, number>): number[] | undefined {
  const header = cellsAt(payees, 0).map((h) => h.trim());
  const column = (name: string) => header.lastIndexOf(name);
  const id = column('payee_id'), type = column('channel_type');
  if (id < 0 || type < 0) return undefined;
  const { channelTypes, attributes = {} } = policy.layout;
  const wanted = Object.entries(attributes).map(([name, allowed]) => ({ at: column(name), allowed }));
  const covers = (i: number) => channelTypes.includes(cellAt(payees, i, type)) && wanted.every((w) => w.allowed.includes(w.at < 0 ? '' : cellAt(payees, i, w.at)));
  const starts = [first];
  let covered = 0;
  for (let i = first; i < payees.count; i++) {
    const payeeId = cellAt(payees, i, id);
    if (!payeeId || chunkOf.has(payeeId)) return undefined;
    if (covered === CHUNK && covers(i)) { starts.push(i); covered = 0; }
    chunkOf.set(payeeId, starts.length - 1);
    rowOf?.set(payeeId, i);
    if (covers(i)) covered++;
  }
  return covered ? starts : undefined;
}

/** `part` (its first payee at position `at`) without the facts of the payees at position `until` and after. */
function dropFacts(part: Dataset, at: number, until: number): Dataset {
  for (let i = Math.max(0, until - at); i < part.payees.length; i++) part.facts.delete(part.payees[i].payeeId);
  return part;
}

/** Adds `part` (the next payees in file order) to `whole`. */
function join(whole: Dataset | undefined, part: Dataset): Dataset {
  if (!whole) return part;
  whole.payees.push(...part.payees);
  whole.covered.push(...part.covered);
  for (const [id, months] of part.facts) whole.facts.set(id, months);
  for (const [id, values] of part.payeeValues) whole.payeeValues.set(id, values);
  if (part.months) whole.months = whole.months ? { first: Math.min(whole.months.first, part.months.first), last: Math.max(whole.months.last, part.months.last) } : part.months;
  return whole;
}

/**
 * The dataset of the payees at position `from` (0: the first data row of payees.csv) and after,
 * with equal values shared, as readDataset reads them from `tablesFrom(tables, from)`; undefined
 * when it cannot be read in chunks with certainty. With `factsBefore` (given the number of
 * payees in payees.csv, a position), the facts of the payees at that position and after are
 * read, checked and dropped chunk by chunk (they die young): every payee, its values and the
 * months are the whole read's, the facts only those of the payees before it.
 */
export function readInChunks(tables: TablesAt, policy: CompiledPolicy, from = 0, factsBefore?: (payees: number) => number, onSpans?: (spans: PayeeSpans) => void): Dataset | undefined {
  const { payees: p, facts: f } = tables;
  if (policy.layout.transactions) return undefined;
  const payeeBytes = bytesOf(p), factBytes = bytesOf(f);
  if (!payeeBytes || !factBytes || !isPlain(payeeBytes) || !isPlain(factBytes)) return undefined;
  const payees = plainLines(payeeBytes), facts = plainLines(factBytes);
  if (!payees.count || !facts.count) return undefined;
  const chunkOf = new Map<string, number>();
  // where each payee's rows lie, for its traces (the whole read only: a part's payees are the helper's)
  const rowOf = onSpans && from === 0 ? new Map<string, number>() : undefined;
  const spans = rowOf && new SpansBuilder(payees, facts);
  const starts = chunkStarts(payees, from + 1, policy, chunkOf, rowOf);
  const idColumn = cellsAt(facts, 0).map((h) => h.trim()).lastIndexOf('payee_id');
  if (!starts || idColumn < 0) return undefined;
  // the facts rows grouped by chunk, in file order within each (a counting sort)
  const chunk = new Int32Array(facts.count).fill(-1), count = new Int32Array(starts.length + 1);
  for (let i = 1; i < facts.count; i++) {
    const id = cellAt(facts, i, idColumn);
    const c = chunkOf.get(id);
    if (c === undefined) {
      if (from === 0) return undefined; // a payee not in payees.csv: the whole read reports it
      continue; // a payee of the other part (tablesFrom leaves its rows out too)
    }
    chunk[i] = c;
    count[c + 1]++;
    if (spans) spans.fact(rowOf!.get(id)! - 1, i);
  }
  if (spans) for (let i = 1; i < payees.count; i++) spans.payee(i - 1, i);
  for (let c = 1; c < count.length; c++) count[c] += count[c - 1];
  const order = new Int32Array(count[starts.length]), next = count.slice();
  for (let i = 1; i < facts.count; i++) if (chunk[i] >= 0) order[next[chunk[i]]++] = i;
  chunkOf.clear();
  const pool = new ValuePool();
  // every row of payees.csv is a payee (chunkStarts checked the ids): the data rows are the payees in order
  const until = factsBefore ? factsBefore(payees.count - 1) : Infinity;
  // chunks whose facts are dropped are read first: while they are, the facts die young, so V8
  // does not yet allocate them in the old generation (it does once it has seen them survive)
  const at = (c: number) => starts[c] - 1; // the position of a chunk's first payee
  const firsts = range(0, starts.length).filter((c) => at(c) >= until);
  const parts: Dataset[] = [];
  for (const c of [...firsts, ...range(0, starts.length).filter((c) => at(c) < until)]) {
    const payeeRows = range(starts[c], c + 1 < starts.length ? starts[c + 1] : payees.count);
    const read = readDataset({ payees: source(p.file, payees, payeeRows), facts: source(f.file, facts, order.subarray(count[c], count[c + 1])) }, policy);
    if (!read.ok) return undefined;
    parts[c] = shareValues(dropFacts(read.dataset, at(c), until), pool);
  }
  const whole = parts.reduce<Dataset | undefined>(join, undefined);
  if (whole && spans) onSpans!(spans.done());
  freeBuffers(payees.start, payees.end, payees.line, facts.start, facts.end, facts.line, chunk, count, order, next);
  return whole && { ...whole, files: { payees: p.file, facts: f.file, transactions: tables.transactions?.file } };
}

/** The dataset read in chunks when it can be (`factsBefore` as there), else by `readWhole`, whole; equal values shared either way. */
export function readShared(tables: TablesAt, policy: CompiledPolicy, from: number, readWhole: () => DatasetResult, factsBefore?: (payees: number) => number): DatasetResult {
  const chunked = readInChunks(tables, policy, from, factsBefore);
  if (chunked) return { ok: true, dataset: chunked };
  const read = readWhole();
  return read.ok ? { ok: true, dataset: shareValues(read.dataset) } : read;
}

// The helper's part of a dataset as bytes: the header and the rows of the payees from a position
// in payees.csv on, and only their facts, written as UTF-8 into arrays that are transferred, not
// cloned. Sent whole, the 80 MB of text at 100,000 payees stood in the helper twice (the message
// and the string read from it) until its next full collection, after it had read its half. Only
// plain ASCII texts without transactions (the helper's problems are never shown: the preview
// worker settles the whole dataset when the helper fails, so rows need not keep their lines);
// otherwise undefined, and the tables are sent whole as before.
import { freeBuffers } from './free-buffers.js';
import { cellAt, cellsAt, isPlain, type PlainLines, plainLines } from './plain-lines.js';
import type { DatasetTables } from './protocol.js';

export interface PartBytes { id: string; payees: { file: string; bytes: Uint8Array }; facts: { file: string; bytes: Uint8Array } }

const isAscii = (text: string) => !/[^\x00-\x7f]/.test(text);

/** The header and the rows `keep` passes (row indices of `lines`), one per line. */
function bytesOf(lines: PlainLines, keep: (i: number) => boolean): Uint8Array {
  const { text, start, end } = lines;
  let size = 0;
  for (let i = 0; i < lines.count; i++) if (i === 0 || keep(i)) size += end[i] - start[i] + 1;
  const out = new Uint8Array(size);
  let at = 0;
  for (let i = 0; i < lines.count; i++) {
    if (i > 0 && !keep(i)) continue;
    for (let c = start[i]; c < end[i]; c++) out[at++] = text.charCodeAt(c);
    out[at++] = 10;
  }
  return out;
}

const idColumn = (lines: PlainLines) => (lines.count ? cellsAt(lines, 0).map((h) => h.trim()).indexOf('payee_id') : -1);

/** The part of the payees after the first `from` rows of payees.csv, as `tablesFrom` cuts it, as bytes; undefined where it cannot be. */
export function helperPart(tables: DatasetTables, from: number): PartBytes | undefined {
  const { payees: p, facts: f } = tables;
  if (tables.transactions || !('text' in p) || !('text' in f)) return undefined;
  if (!isPlain(p.text) || !isPlain(f.text) || !isAscii(p.text) || !isAscii(f.text)) return undefined;
  const payees = plainLines(p.text), facts = plainLines(f.text);
  const payeeId = idColumn(payees), factId = idColumn(facts);
  if (payeeId < 0 || factId < 0) return undefined;
  const ids = new Set<string>();
  for (let i = from + 1; i < payees.count; i++) ids.add(cellAt(payees, i, payeeId));
  const part = {
    id: `${tables.id}/from-${from}`,
    payees: { file: p.file, bytes: bytesOf(payees, (i) => i > from) },
    facts: { file: f.file, bytes: bytesOf(facts, (i) => ids.has(cellAt(facts, i, factId))) },
  };
  freeBuffers(payees.start, payees.end, payees.line, facts.start, facts.end, facts.line);
  return part;
}

/** The tables the helper reads from its part (the bytes freed once decoded: never read them again). */
export function partTables(part: PartBytes): DatasetTables {
  const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  const tables = { id: part.id, payees: { file: part.payees.file, text: text(part.payees.bytes) }, facts: { file: part.facts.file, text: text(part.facts.bytes) } };
  freeBuffers(part.payees.bytes, part.facts.bytes);
  return tables;
}

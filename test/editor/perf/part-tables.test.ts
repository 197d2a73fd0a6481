// The helper's part of the tables: the payees from a position on and only their rows, each with
// its line in the file, the same whether the text is cut line by line (plain CSV) or parsed
// (quoted cells, carriage returns).
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../engine/index.js';
import { cellAt, cellIs, isPlain, plainLines } from '../../../editor/src/worker/plain-lines.js';
import { tablesFrom } from '../../../editor/src/worker/part-tables.js';
import type { SourceTables } from '../../../editor/src/worker/table-bytes.js';

/** What the part should hold, read with the engine's CSV parser. */
function expected(text: string, keepRow: (cells: string[], i: number) => boolean) {
  const records = parseCsv(text);
  const kept = records.filter((r, i) => i === 0 || keepRow(r.cells, i));
  return { rows: kept.map((r) => r.cells), lines: kept.map((r) => r.line) };
}

const payees = '\uFEFFpayee_id,name\nA,Point A\n\nB,Point B\n C ,Point C\nD,Point D\n';
const facts = 'period,payee_id,sales\n2025-01,A,1\n2025-01, C ,2\n\n2025-02,D,3\n2025-02,B,4\n2025-03,X,5';

describe('the helper\'s part of the tables', () => {
  it('cuts a plain text line by line, as the parsed text would be cut', () => {
    const tables: SourceTables = { id: 't', payees: { file: 'payees.csv', text: payees }, facts: { file: 'facts.csv', text: facts } };
    const part = tablesFrom(tables, 2);
    expect(part.id).toBe('t/from-2');
    expect(part.payees).toEqual({ file: 'payees.csv', ...expected(payees, (_c, i) => i > 2) });
    expect(part.facts).toEqual({ file: 'facts.csv', ...expected(facts, (c) => ['C', 'D'].includes(c[1].trim())) });
    expect((part.facts as { lines: number[] }).lines).toEqual([1, 3, 5]);
  });

  it('parses a text with quoted cells or carriage returns, with the same result', () => {
    const quoted = payees.replace('Point B', '"Point, B"').replace(/\n/g, '\r\n');
    const tables: SourceTables = { id: 't', payees: { file: 'payees.csv', text: quoted }, facts: { file: 'facts.csv', text: facts.replace(/\n/g, '\r\n') } };
    const part = tablesFrom(tables, 1);
    expect(part.payees).toEqual({ file: 'payees.csv', ...expected(quoted, (_c, i) => i > 1) });
    expect((part.payees as { rows: string[][] }).rows[1]).toEqual(['B', 'Point, B']);
    expect(part.facts).toEqual({ file: 'facts.csv', ...expected(facts, (c) => ['B', 'C', 'D'].includes(c[1].trim())) });
  });
});

describe('tables as UTF-8 bytes (as read from the Blobs the page holds)', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const named = '\uFEFFpayee_id,name\nA,城关镇 合作点\n\nB, Café \n C ,Point C\u3000\nD,Point D\n';

  it('are cut as their text is: the same rows, lines and cells, a byte-order mark skipped, multi-byte characters whole', () => {
    const asText: SourceTables = { id: 't', payees: { file: 'payees.csv', text: named }, facts: { file: 'facts.csv', text: facts } };
    const asBytes = { id: 't', payees: { file: 'payees.csv', bytes: bytes(named) }, facts: { file: 'facts.csv', bytes: bytes(facts) } };
    for (const from of [0, 1, 2, 3]) expect(tablesFrom(asBytes, from)).toEqual(tablesFrom(asText, from));
    expect(tablesFrom(asBytes, 0).payees).toEqual({ file: 'payees.csv', ...expected(named, () => true) });
    expect((tablesFrom(asBytes, 0).payees as { rows: string[][] }).rows[1]).toEqual(['A', '城关镇 合作点']);
  });

  it('find a cell by its bytes exactly as by its trimmed text', () => {
    const lines = plainLines(bytes(named));
    expect(lines.count).toBe(5);
    expect([...lines.line.subarray(0, lines.count)]).toEqual([1, 2, 4, 5, 6]);
    const ids = ['A', 'B', 'C', 'D', '', 'Café', 'Point C', '城关镇 合作点', 'Point']; // trimmed, as cellIs asks
    for (let i = 1; i < lines.count; i++) {
      for (const column of [0, 1, 2]) {
        for (const id of ids) expect(cellIs(lines, i, column, id, bytes(id)), `row ${i} cell ${column} \`${id}\``).toBe(cellAt(lines, i, column) === id);
      }
    }
    expect(cellAt(lines, 2, 1)).toBe('Café');
    expect(cellAt(lines, 3, 1)).toBe('Point C'); // an ideographic space trimmed, as String.prototype.trim does
  });

  it('are plain only without quotes or carriage returns', () => {
    expect(isPlain(bytes(named))).toBe(true);
    expect(isPlain(bytes('payee_id,name\nA,"Point, A"\n'))).toBe(false);
    expect(isPlain(bytes('payee_id,name\r\nA,Point A\r\n'))).toBe(false);
  });
});

// The helper's part of the tables: the payees from a position on and only their rows, each with
// its line in the file, the same whether the text is cut line by line (plain CSV) or parsed
// (quoted cells, carriage returns).
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../engine/index.js';
import { tablesFrom } from '../../../editor/src/worker/part-tables.js';
import type { DatasetTables } from '../../../editor/src/worker/protocol.js';

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
    const tables: DatasetTables = { id: 't', payees: { file: 'payees.csv', text: payees }, facts: { file: 'facts.csv', text: facts } };
    const part = tablesFrom(tables, 2);
    expect(part.id).toBe('t/from-2');
    expect(part.payees).toEqual({ file: 'payees.csv', ...expected(payees, (_c, i) => i > 2) });
    expect(part.facts).toEqual({ file: 'facts.csv', ...expected(facts, (c) => ['C', 'D'].includes(c[1].trim())) });
    expect((part.facts as { lines: number[] }).lines).toEqual([1, 3, 5]);
  });

  it('parses a text with quoted cells or carriage returns, with the same result', () => {
    const quoted = payees.replace('Point B', '"Point, B"').replace(/\n/g, '\r\n');
    const tables: DatasetTables = { id: 't', payees: { file: 'payees.csv', text: quoted }, facts: { file: 'facts.csv', text: facts.replace(/\n/g, '\r\n') } };
    const part = tablesFrom(tables, 1);
    expect(part.payees).toEqual({ file: 'payees.csv', ...expected(quoted, (_c, i) => i > 1) });
    expect((part.payees as { rows: string[][] }).rows[1]).toEqual(['B', 'Point, B']);
    expect(part.facts).toEqual({ file: 'facts.csv', ...expected(facts, (c) => ['B', 'C', 'D'].includes(c[1].trim())) });
  });
});

// The helper's part of the tables: the payees from a position on and only their rows, each with
// its line in the file, the same whether the text is cut line by line (plain CSV) or parsed
// (quoted cells, carriage returns).
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../engine/index.js';
import { helperPart, partTables } from '../../../editor/src/worker/helper-part.js';
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

describe('the helper\'s part as bytes', () => {
  const rowsOf = (text: string) => parseCsv(text).map((r) => r.cells);
  const cellsOf = (source: DatasetTables['payees']) => ('rows' in source ? source.rows : rowsOf(source.text));

  it('holds the rows tablesFrom keeps, as UTF-8 text without blank lines', () => {
    const tables: DatasetTables = { id: 't', payees: { file: 'payees.csv', text: payees.slice(1) }, facts: { file: 'facts.csv', text: facts } };
    const cut = helperPart(tables, 2)!;
    const read = partTables(structuredClone(cut));
    const whole = tablesFrom(tables, 2);
    expect(read.id).toBe('t/from-2');
    expect(cellsOf(read.payees)).toEqual(cellsOf(whole.payees));
    expect(cellsOf(read.facts)).toEqual(cellsOf(whole.facts));
    expect((read.facts as { text: string }).text).toBe('period,payee_id,sales\n2025-01, C ,2\n2025-02,D,3\n');
  });

  it('is not made for text that is not plain ASCII, or with transactions: those go whole', () => {
    const tables = (p: string, f = facts): DatasetTables => ({ id: 't', payees: { file: 'payees.csv', text: p }, facts: { file: 'facts.csv', text: f } });
    expect(helperPart(tables(payees), 1)).toBeUndefined(); // a byte-order mark
    expect(helperPart(tables('payee_id,name\nA,Café\n'), 0)).toBeUndefined();
    expect(helperPart(tables('payee_id,name\nA,"Point, A"\n'), 0)).toBeUndefined();
    expect(helperPart({ ...tables('payee_id,name\nA,Point A\n'), transactions: { file: 't.csv', text: 'payee_id\nA\n' } }, 0)).toBeUndefined();
  });
});

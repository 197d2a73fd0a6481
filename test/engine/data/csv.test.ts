// The CSV reader keeps the true line of every record: quoted fields may hold commas, quotes and
// line breaks, CRLF and a UTF-8 BOM are accepted, blank lines are skipped; each cell knows its column.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../engine/index.js';

describe('parseCsv', () => {
  it('reads plain records with their line numbers', () => {
    expect(parseCsv('a,b\n1,2\n3,4\n')).toEqual([
      { line: 1, cells: ['a', 'b'], columns: [1, 3] }, { line: 2, cells: ['1', '2'], columns: [1, 3] }, { line: 3, cells: ['3', '4'], columns: [1, 3] },
    ]);
  });

  it('keeps the true line after a quoted field that spans lines', () => {
    const text = 'id,name\nR01,"Rural point\nby the river"\nR02,"say ""hi"", twice"\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['id', 'name'], columns: [1, 4] },
      { line: 2, cells: ['R01', 'Rural point\nby the river'], columns: [1, 5] },
      { line: 4, cells: ['R02', 'say "hi", twice'], columns: [1, 5] },
    ]);
  });

  it('accepts CRLF, a BOM, blank lines and a last line without a line break', () => {
    expect(parseCsv('\uFEFFa,b\r\n\r\n1,2\r\n3,')).toEqual([
      { line: 1, cells: ['a', 'b'], columns: [1, 3] }, { line: 3, cells: ['1', '2'], columns: [1, 3] }, { line: 4, cells: ['3', ''], columns: [1, 3] },
    ]);
  });

  it('gives the column each cell starts at, on its own line', () => {
    // after a quoted field spanning lines, columns count from the line the next cell is on
    const [, record] = parseCsv('a,b,c\n"x\ny",zz,w\n');
    expect(record).toEqual({ line: 2, cells: ['x\ny', 'zz', 'w'], columns: [1, 4, 7] });
  });

  it('reads an empty text as no records', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\n\n')).toEqual([]);
  });
});

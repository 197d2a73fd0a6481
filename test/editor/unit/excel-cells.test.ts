// Numbers read from .xlsx as Excel shows them, and data problems named by cell.
import { describe, expect, it } from 'vitest';
import { columnLetters, locationText } from '../../../editor/src/datasets/cell-ref.js';
import { excelNumber } from '../../../editor/src/datasets/excel-number.js';

describe('numbers as Excel shows them', () => {
  it.each([
    ['99999.99999999999', '100000'],
    ['0.30000000000000004', '0.3'],
    ['1234.56', '1234.56'],
    ['-99999.99999999999', '-100000'],
    ['12345678901234567', '12345678901234600'],
    ['1.5E-3', '0.0015'],
    ['2.5e2', '250'],
    ['0.1000000000000000055511151231257827', '0.1'],
    ['999999999999999.5', '1000000000000000'],
    ['0', '0'],
    ['007.50', '7.5'],
    ['0.000123456789012345678', '0.000123456789012346'],
  ])('%s reads as %s', (stored, shown) => expect(excelNumber(stored)).toBe(shown));

  it('leaves text that is no number as it is', () => {
    expect(excelNumber('R01')).toBe('R01');
    expect(excelNumber('')).toBe('');
    expect(excelNumber('.')).toBe('.');
  });
});

describe('cells named as Excel names them', () => {
  it('counts columns A…Z, AA…', () => {
    expect([1, 4, 26, 27, 52, 53, 702, 703].map(columnLetters)).toEqual(['A', 'D', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
  it('names an .xlsx problem by its cell and a CSV problem by line and column', () => {
    expect(locationText({ file: 'facts.xlsx', line: 29, column: 4 })).toBe('facts.xlsx!D29');
    expect(locationText({ file: 'facts.csv', line: 29, column: 4 })).toBe('facts.csv:29:4');
  });
});

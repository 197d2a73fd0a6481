// Data files as a careless user or an attacker writes them: a fact cell of `1e1000000`, a
// 5,000-digit count or `1e-10000` is a located error naming the limit (not 15 seconds of work
// and a 3-million-digit total); a quote never closed is an error at the quote, not a file
// swallowed into one cell.
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from '../../../engine/data/csv.js';
import { checkScalar } from '../../../engine/data/scalar.js';
import { formatDiagnostic, RatecardError, readDataset } from '../../../engine/index.js';
import { policyOf } from '../../fixtures/scenario.js';

const policy = policyOf('service-center');
const HEADER = 'period,payee_id,revenue,cost,converted_contract_value,negative_list_violations,cross_assessment_score';
const payees = { file: 'payees.csv', text: 'payee_id,name,channel_type\nS01,Center 1,service_center\n' };
const errorsOf = (result: ReturnType<typeof readDataset>) => (result.ok ? [] : result.diagnostics.map(formatDiagnostic));

describe('limits on fact cells', () => {
  it('refuses numbers beyond the limits, naming the limit', () => {
    expect(checkScalar('1e1000000', 'money')).toBe('`1e1000000` is too large: over the limit of 30 digits before the decimal point');
    expect(checkScalar('1e999999999', 'number')).toBe('`1e999999999` is too large: over the limit of 30 digits before the decimal point');
    expect(checkScalar('1e-10000', 'rate')).toBe('`1e-10000` is too precise: over the limit of 30 decimal places');
    expect(checkScalar('7'.repeat(5000), 'count')).toBe('`77777777777777777777…` has 5,000 significant digits, over the limit of 30 digits for a number');
    expect(checkScalar('x'.repeat(5000), 'count')).toBe('expected a whole number ≥ 0, got `xxxxxxxxxxxxxxxxxxxx…`');
    // 30 digits is within the limit, and exact
    expect(String(checkScalar('123456789012345678901234567890', 'money'))).toBe('123456789012345678901234567890');
    expect(String(checkScalar('0.000000000000000000000000000001', 'rate'))).toBe('0.000000000000000000000000000001');
  });

  it('reports each such cell of facts.csv at its line and column', () => {
    const facts = `${HEADER}\n2025-01,S01,1e1000000,1,0,0,90\n2025-02,S01,100,1e-10000,0,0,${'9'.repeat(5000)}\n`;
    expect(errorsOf(readDataset({ payees, facts: { file: 'facts.csv', text: facts } }, policy))).toEqual([
      'facts.csv:2:13 revenue: `1e1000000` is too large: over the limit of 30 digits before the decimal point',
      'facts.csv:3:17 cost: `1e-10000` is too precise: over the limit of 30 decimal places',
      'facts.csv:3:30 cross_assessment_score: `99999999999999999999…` has 5,000 significant digits, over the limit of 30 digits for a number',
    ]);
  });
});

describe('an unclosed quote', () => {
  it('is an error at the quote, naming the column, never a swallowed file', () => {
    const text = `${HEADER}\n2025-01,S01,100,1,0,0,90\n2025-02,"S01,100,1,0,0,90\n2025-03,S01,100,1,0,0,90\n`;
    let error: unknown;
    try { parseCsv(text, { file: 'facts.csv' }); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect(error).toBeInstanceOf(RatecardError);
    expect((error as RatecardError).diagnostics.map(formatDiagnostic)).toEqual([
      'facts.csv:3:9 payee_id: unclosed quote: the quoted cell that starts here runs to the end of the file; close it with `"` (write `""` for a quote inside it)',
    ]);
  });

  it('in the header or the first cell is located too', () => {
    expect(() => parseCsv('"period,payee_id\n')).toThrow(CsvSyntaxError);
    try { parseCsv('a,b\n1,"2\n') } catch (e) { expect(formatDiagnostic((e as CsvSyntaxError).diagnostics[0])).toMatch(/^\(csv\):2:3 b: unclosed quote/); }
  });

  it('still reads quotes that close, on one line or across lines', () => {
    expect(parseCsv('a,b\n"x ""y""","1\n2"\n').map((r) => r.cells)).toEqual([['a', 'b'], ['x "y"', '1\n2']]);
  });

  it('stops readDataset with a located error (a RatecardError: exit 1, never 70)', () => {
    const facts = `${HEADER}\n2025-01,S01,"100,1,0,0,90\n`;
    expect(() => readDataset({ payees, facts: { file: 'facts.csv', text: facts } }, policy)).toThrow(RatecardError);
  });
});

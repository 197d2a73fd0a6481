// Statements as CSV and JSON: RFC 4180 quoting of explanations (commas, quotes, line breaks),
// withheld rows only when asked, JSON that reads back as the same statement.
import { describe, expect, it } from 'vitest';
import { parseCsv, type Statement, statementToCsv, statementToJson, STATEMENT_COLUMNS } from '../../../engine/index.js';
import { settleScenario } from '../../fixtures/scenario.js';

const trace = { rule: 'r', location: { file: 'p.yaml', line: 1, column: 1 }, values: {}, conditions: [] };
const statement: Statement = {
  policy: { id: 'p', version: '1', hash: 'h' },
  from: '2025-01', to: '2025-01',
  lines: [
    { id: 'p/A/2025-01/r', period: '2025-01', payeeId: 'A', policy: 'p', line: 'r', kind: 'commission', amount: '1.00', explanation: 'r = a, b; "quoted"\nnext line', trace },
  ],
  withheld: [
    { id: 'p/A/2025-01/g', period: '2025-01', payeeId: 'A', policy: 'p', line: 'g', kind: 'bonus', reason: 'withheld: x 1 ≥ 2 is not met', wouldPay: '5.00', trace },
  ],
  totals: { total: '1.00', byKind: { commission: '1.00', deduction: '0.00', refund: '0.00', bonus: '0.00' } },
};

describe('statementToCsv', () => {
  it('quotes what needs quoting, so a CSV reader gets the explanation back whole', () => {
    const csv = statementToCsv(statement);
    expect(csv).toBe(`${STATEMENT_COLUMNS.join(',')}\n2025-01,A,p,r,commission,1.00,paid,"r = a, b; ""quoted""\nnext line"\n`);
    expect(parseCsv(csv)[1].cells[7]).toBe('r = a, b; "quoted"\nnext line');
  });

  it('adds withheld items as zero rows only when asked', () => {
    expect(statementToCsv(statement, { withheld: true }).split('\n').slice(-2)[0])
      .toBe('2025-01,A,p,g,bonus,0.00,withheld,withheld: x 1 ≥ 2 is not met (would have been 5.00)');
  });

  it('gives one row per line of a real statement, readable back', () => {
    const real = settleScenario('private-line');
    const rows = parseCsv(statementToCsv(real)).slice(1);
    expect(rows.map((r) => `${r.cells[1]} ${r.cells[0]} ${r.cells[3]} ${r.cells[5]}`))
      .toEqual(real.lines.map((l) => `${l.payeeId} ${l.period} ${l.line} ${l.amount}`));
  });
});

describe('statementToJson', () => {
  it('reads back as the same statement, without the message codes that its traces and reasons carry', () => {
    const real = settleScenario('rural-contract');
    const json = statementToJson(real);
    const codes = (key: string, value: unknown) => ((key === 'msg' || key === 'reasonMessage') && typeof value === 'object' ? undefined : value);
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(real, codes)));
    // the codes are there in memory (the editor renders them), not in the file
    expect(real.withheld.every((w) => w.reasonMessage?.code === 'withheld.reason')).toBe(true);
    expect(json).not.toContain('"msg"');
    expect(json).not.toContain('reasonMessage');
  });
});

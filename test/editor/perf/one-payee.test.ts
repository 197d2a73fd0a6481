// One payee's tables cut from a plain text line by line equal those cut from the parsed text
// (quoted cells, carriage returns): the same rows, lines and what-if cells.
import { describe, expect, it } from 'vitest';
import { onePayeeTables, payeeFacts } from '../../../editor/src/worker/one-payee.js';
import type { SourceTables } from '../../../editor/src/worker/table-bytes.js';

const payees = 'payee_id,name,channel_type\nA,Point A,rural_contract\n\n B ,Point B,rural_contract\nC,Point C,rural_contract\n';
const facts = 'period,payee_id,sales,fee\n2025-01,A,1,2\n2025-01, B ,3,4\n\n2025-02,B,5,6\n2025-02,C,7,8\n';
const tables = (p: string, f: string): SourceTables => ({ id: 't', payees: { file: 'payees.csv', text: p }, facts: { file: 'facts.csv', text: f } });
const parsed = tables(payees.replace('Point A', '"Point, A"').replace(/\n/g, '\r\n'), facts.replace(/\n/g, '\r\n'));

describe('one payee\'s tables', () => {
  it('are cut from a plain text as from a parsed one, rows kept at their lines', () => {
    const plain = onePayeeTables(tables(payees, facts), 'B', [{ period: '2025-02', fact: 'fee', value: '60' }]);
    expect(plain.facts).toEqual({ file: 'facts.csv', rows: [['period', 'payee_id', 'sales', 'fee'], ['2025-01', ' B ', '3', '4'], ['2025-02', 'B', '5', '60']], lines: [1, 3, 5] });
    expect(plain.payees).toEqual({ file: 'payees.csv', rows: [['payee_id', 'name', 'channel_type'], [' B ', 'Point B', 'rural_contract']], lines: [1, 4] });
    expect(onePayeeTables(parsed, 'B', [{ period: '2025-02', fact: 'fee', value: '60' }])).toEqual({ ...plain, id: 't/B' });
    expect(payeeFacts(tables(payees, facts), 'B')).toEqual({ '2025-01': { sales: '3', fee: '4' }, '2025-02': { sales: '5', fee: '6' } });
    expect(payeeFacts(parsed, 'B')).toEqual(payeeFacts(tables(payees, facts), 'B'));
    expect(onePayeeTables(tables(payees, facts), 'X', []).facts).toEqual({ file: 'facts.csv', rows: [['period', 'payee_id', 'sales', 'fee']], lines: [1] });
  });
});

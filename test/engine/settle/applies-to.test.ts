// Which payees and months a policy pays: `applies_to` by channel type and further attributes
// (other payees are read but not settled, and may lack facts), `effective` months only.
import { describe, expect, it } from 'vitest';
import { settleText } from '../../fixtures/scenario.js';

const POLICY = `id: north-only
name: North only
version: 1
applies_to: { channel_type: [rural_contract, franchise_store], attributes: { region: [north] } }
effective: { from: 2025-02, to: 2025-03 }
facts:
  sales: { type: money }
rules:
  - { id: commission, kind: commission, amount: sales * 0.1 }
`;
const PAYEES = `payee_id,channel_type,region
N1,rural_contract,north
N2,franchise_store,north
S1,rural_contract,south
P1,postal_agent,north
`;
// S1 and P1 are not paid: their facts are neither needed nor checked (P1's are missing, S1's bad).
const FACTS = `period,payee_id,sales
2025-01,N1,100
2025-02,N1,200
2025-03,N1,300
2025-04,N1,400
2025-01,N2,10
2025-02,N2,20
2025-03,N2,30
2025-04,N2,40
2025-01,S1,lots
`;

describe('applies_to and effective', () => {
  it('pays only the payees of the channel types and attributes, in the effective months', () => {
    const statement = settleText(POLICY, FACTS, { payeesCsv: PAYEES });
    expect(statement.lines.map((l) => `${l.period} ${l.payeeId} ${l.amount}`)).toEqual([
      '2025-02 N1 20.00', '2025-03 N1 30.00', '2025-02 N2 2.00', '2025-03 N2 3.00',
    ]);
    expect([statement.from, statement.to]).toEqual(['2025-01', '2025-04']);
  });
});

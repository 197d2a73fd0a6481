// A rank orders every payee of the month before any is settled: by each key in turn (asc or
// desc), ties by payee id; payees outside the policy are not ranked; exact keys (growth 1/3)
// never tie by rounding.
import { describe, expect, it } from 'vitest';
import { settleText } from '../../fixtures/scenario.js';
import { POLICY } from './ranking-policy.js';

const PAYEES = 'payee_id,channel_type\nB3,private_line_branch\nB1,private_line_branch\nB2,private_line_branch\nB4,private_line_branch\nX1,rural_contract\n';
// B1 and B2 grow 1/3 exactly (400/300, 200/150), B3 grows 0.3333 (a hair less), B4 grows 1/3 too
// with the same revenue as B2: B1 (more revenue) first, then B2 and B4 tied on both keys → by id.
const FACTS = `period,payee_id,revenue,last_year
2025-01,B1,400,300
2025-01,B2,200,150
2025-01,B3,13333,10000
2025-01,B4,200,150
`;

describe('population ranks', () => {
  const statement = settleText(POLICY, FACTS, { payeesCsv: PAYEES });
  const ranks = (line: string) => Object.fromEntries(statement.lines.filter((l) => l.line === line).map((l) => [l.payeeId, l.amount]));

  it('orders by growth, then revenue, then payee id', () => {
    expect(ranks('position_bonus')).toEqual({ B1: '1.00', B2: '2.00', B4: '3.00', B3: '4.00' });
  });

  it('orders ascending when asked, ties by payee id', () => {
    // revenue: B2 200, B4 200, B1 400, B3 13333
    expect(ranks('lowest_bonus')).toEqual({ B2: '1.00', B4: '2.00', B1: '3.00', B3: '4.00' });
  });

  it('uses ranks computed elsewhere when given (a run in parts ranks all payees once)', () => {
    const given = { B1: 4, B2: 3, B3: 2, B4: 1 };
    const ranks = Object.fromEntries(Object.entries(given).map(([p, r]) => [p, { '2025-01': { position: r, lowest: r } }]));
    const part = settleText(POLICY, FACTS, { payeesCsv: PAYEES, ranks });
    expect(Object.fromEntries(part.lines.filter((l) => l.line === 'position_bonus').map((l) => [l.payeeId, l.amount])))
      .toEqual({ B1: '4.00', B2: '3.00', B3: '2.00', B4: '1.00' });
  });
});

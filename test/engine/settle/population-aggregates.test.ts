// Population aggregates and allocation: values that need every payee of a month, computed before
// any payee is settled. Hand-computed on a small team table; the largest-remainder properties
// (parts add up to the total, each within one cent of its exact share) on random teams.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exact } from '../../../engine/index.js';
import { policyErrors, settleText } from '../../fixtures/scenario.js';

const POLICY = `id: pool
name: Pool
version: 1
applies_to: { channel_type: [marketing_manager] }
attributes:
  team: { type: text }
facts:
  revenue: { type: money }
  score: { type: number }
  incidents: { type: count }
params:
  pool_rate: { type: rate, value: 0.1 }
metrics:
  team_revenue: { population: { sum: revenue, by: team } }
  team_best: { population: { max: score, by: team } }
  team_worst: { population: { min: score, by: team } }
  team_average: { population: { avg: score, by: team } }
  clean: incidents == 0
  team_clean: { population: { count: clean, by: team } }
  everyone: { population: { sum: revenue } }
rules:
  - id: report
    kind: bonus
    amount: team_revenue + team_best / 1000 + team_worst / 100000 + team_clean / 10000000
  - id: share
    kind: bonus
    gate: { all: [{ name: veto, fact: incidents, operator: equal, value: 0 }] }
    amount:
      allocate:
        total: round(pool_rate * team_revenue, 2)
        weight: score
        by: team
`;

const PAYEES = `payee_id,channel_type,team
A,marketing_manager,T1
B,marketing_manager,T1
C,marketing_manager,T1
D,marketing_manager,T2
E,marketing_manager,T2
`;

describe('population aggregates', () => {
  const facts = `period,payee_id,revenue,score,incidents
2025-01,A,100.00,1,0
2025-01,B,100.00,1,0
2025-01,C,100.00,1,0
2025-01,D,50.00,70,1
2025-01,E,50.00,30,1
`;
  const statement = settleText(POLICY, facts, { payeesCsv: PAYEES });
  const amount = (payee: string, line: string) => statement.lines.find((l) => l.payeeId === payee && l.line === line)?.amount;

  it('sums, counts, takes min and max within the payee\'s group', () => {
    // T1: revenue 300, best 1, worst 1, 3 clean → 300 + 0.001 + 0.00001 + 0.0000003 → 300.00
    expect(amount('A', 'report')).toBe('300.00');
    // T2: revenue 100, best 70 → 100.07, worst 30 → 0.0003
    expect(amount('D', 'report')).toBe('100.07');
  });

  it('allocates a group total by largest remainder, ties to the lower payee id', () => {
    // T1's pool 30.00 by equal weights: 10.00 each, exactly.
    expect(['A', 'B', 'C'].map((p) => amount(p, 'share'))).toEqual(['10.00', '10.00', '10.00']);
  });

  it('says why a payee got nothing and that a group\'s total lapsed', () => {
    const d = statement.withheld.find((w) => w.payeeId === 'D' && w.line === 'share')!;
    expect(d.reason).toBe('withheld: veto: incidents 1 = 0 is not met; no payee of the team `T2` shares it this month, so its total 10 lapses');
    expect(amount('D', 'share')).toBeUndefined();
  });

  it('gives the leftover cents to the largest remainders, ties by payee id', () => {
    const one = settleText(POLICY.replace('value: 0.1', 'value: 1'), `period,payee_id,revenue,score,incidents
2025-01,C,0.01,1,0
2025-01,B,0.01,1,0
2025-01,A,0.00,1,0
2025-01,D,0,1,0
2025-01,E,0,1,0
`, { payeesCsv: PAYEES });
    // exact shares 0.00666… each: all round down to 0.00, the 2 cents left go to A and B (ids first)
    expect(one.lines.filter((l) => l.line === 'share').map((l) => `${l.payeeId} ${l.amount}`)).toEqual(['A 0.01', 'B 0.01']);
    const trace = one.lines.find((l) => l.line === 'share' && l.payeeId === 'A')!.trace;
    expect(trace.allocation).toEqual({ total: '0.02', weights: '3', weight: '1' });
    expect(trace.formula?.substituted).toBe('0.02 × 1 / 3');
  });

  it('rejects aggregating what is known only while settling, and grouping by a number', () => {
    expect(policyErrors(POLICY.replace('team_best: { population: { max: score, by: team } }', 'team_best: { population: { max: report, by: team } }'))).toEqual([
      expect.stringContaining('`report` reads statement lines or population values'),
    ]);
    expect(policyErrors(POLICY.replace('everyone: { population: { sum: revenue } }', 'everyone: { population: { sum: revenue, by: score } }'))).toEqual([
      expect.stringContaining('`score` cannot group payees: it must be a text attribute or fact'),
    ]);
    expect(policyErrors(POLICY.replace('team_clean: { population: { count: clean, by: team } }', 'team_clean: { population: { count: score, by: team } }'))).toEqual([
      expect.stringContaining('`count` needs a true/false fact or metric'),
    ]);
  });

  it('shares add up exactly to the total, each within one unit of its exact share (property)', () => {
    const team = fc.array(fc.tuple(fc.integer({ min: 0, max: 100_000_00 }), fc.integer({ min: 1, max: 10_000 })), { minLength: 1, maxLength: 12 });
    fc.assert(fc.property(team, (rows) => {
      const payees = ['payee_id,channel_type,team', ...rows.map((_, i) => `P${String(i).padStart(2, '0')},marketing_manager,T1`)].join('\n');
      const facts = ['period,payee_id,revenue,score,incidents', ...rows.map(([cents, score], i) => `2025-01,P${String(i).padStart(2, '0')},${(cents / 100).toFixed(2)},${score / 100},0`)].join('\n');
      const s = settleText(POLICY, facts, { payeesCsv: payees });
      const shares = s.lines.filter((l) => l.line === 'share');
      const revenue = rows.reduce((sum, [cents]) => sum.add(Exact.of(cents).div(Exact.of(100))), Exact.ZERO);
      const pool = revenue.mul(Exact.parse('0.1')).round(2, 'half-up');
      const weights = rows.reduce((sum, [, w]) => sum.add(Exact.of(w)), Exact.ZERO);
      expect(shares.reduce((sum, l) => sum.add(Exact.parse(l.amount)), Exact.ZERO).eq(pool)).toBe(true);
      for (const line of shares) {
        const i = Number(line.payeeId.slice(1));
        const exact = pool.mul(Exact.of(rows[i][1])).div(weights);
        expect(Exact.parse(line.amount).sub(exact).abs().lt(Exact.parse('0.01'))).toBe(true);
      }
    }), { numRuns: 60, seed: 9 });
  });
});

// Per-transaction pay (private-line `new_lines`, `for_each: transactions`, `round: each`) on
// random transactions: the line is the sum of each paid transaction's commission rounded to the
// cent, transactions under the tariff floor are flagged with what they would have earned — all
// computed here independently with exact arithmetic.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exact, readDataset, settle } from '../../../engine/index.js';
import { money } from '../../fixtures/random-rural.js';
import { policyOf } from '../../fixtures/scenario.js';

const policy = policyOf('private-line');
const transaction = fc.record({
  payee: fc.constantFrom('L1', 'L2'),
  tariff: fc.integer({ min: 1, max: 1_000_000 }), // cents
  standard: fc.integer({ min: 1, max: 2_000_000 }),
  months: fc.integer({ min: 1, max: 48 }),
});

const x = (s: string | number) => Exact.parse(String(s));
const commission = (t: { tariff: number; months: number }) =>
  x('0.05').mul(x(money(t.tariff))).mul(x(Math.min(t.months, 12))).round(2, 'half-up');

describe('per-transaction commission', () => {
  it('sums each paid transaction rounded to the cent and flags those under the floor', () => {
    fc.assert(fc.property(fc.array(transaction, { maxLength: 12 }), (list) => {
      const read = readDataset({
        payees: { file: 'payees.csv', text: 'payee_id,channel_type\nL1,private_line_branch\nL2,private_line_branch\n' },
        facts: { file: 'facts.csv', text: 'period,payee_id,revenue,revenue_last_year,retention_rate,audit_pass_rate,audit_failed_samples,avg_survey_days\n' +
          '2025-05,L1,100,100,1,1,0,1\n2025-05,L2,100,100,1,1,0,1\n' },
        transactions: { file: 'tx.csv', text: ['line_id,payee_id,period,monthly_tariff,standard_tariff,contract_months',
          ...list.map((t, i) => `T${i},${t.payee},2025-05,${money(t.tariff)},${money(t.standard)},${t.months}`)].join('\n') + '\n' },
      }, policy);
      if (!read.ok) throw new Error(JSON.stringify(read.diagnostics));
      const statement = settle(policy, read.dataset);
      const floorMet = (t: (typeof list)[number]) => x(money(t.tariff)).gte(x('0.2').mul(x(money(t.standard))));
      for (const payee of ['L1', 'L2']) {
        const mine = list.map((t, i) => ({ ...t, id: `T${i}` })).filter((t) => t.payee === payee);
        const expected = mine.filter(floorMet).reduce((s, t) => s.add(commission(t)), Exact.ZERO);
        const line = statement.lines.find((l) => l.payeeId === payee && l.line === 'new_lines');
        expect(line?.amount ?? '0.00').toBe(expected.toFixed(2));
        const flagged = statement.withheld.filter((w) => w.payeeId === payee && w.line === 'new_lines');
        expect(flagged.map((w) => `${w.id} ${w.wouldPay}`)).toEqual(
          mine.filter((t) => !floorMet(t)).map((t) => `private-line/${payee}/2025-05/new_lines/${t.id} ${commission(t).toFixed(2)}`));
      }
    }), { numRuns: 100 });
  });
});

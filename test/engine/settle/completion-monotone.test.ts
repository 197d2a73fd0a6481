// The rural payout never falls when completion rises, all else equal: raising one month's
// revenue_actual (a) never lowers that month's completion line and (b) never lowers the
// payee's total for the year — a smaller deduction is returned by a smaller refund, but never by
// more than it shrank, and checkpoints only get easier to meet.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exact, readDataset, settle, type Statement } from '../../../engine/index.js';
import { policyOf } from '../../fixtures/scenario.js';
import { type RuralMonth, ruralInput, ruralYear } from '../../fixtures/random-rural.js';

const policy = policyOf('rural-contract');

function settleYear(year: RuralMonth[]): Statement {
  const read = readDataset(ruralInput([year]), policy);
  if (!read.ok) throw new Error(JSON.stringify(read.diagnostics));
  return settle(policy, read.dataset, { detail: 'amounts' });
}

const total = (s: Statement) => Exact.parse(s.totals.total);
const completionLine = (s: Statement, period: string) =>
  s.lines.filter((l) => l.period === period && (l.line === 'over_completion' || l.line === 'under_completion'))
    .reduce((sum, l) => sum.add(Exact.parse(l.amount)), Exact.ZERO);

describe('rural payout is monotone in completion', () => {
  it('raising revenue_actual in one month never lowers the completion line nor the year', () => {
    fc.assert(fc.property(ruralYear, fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 5_000_000 }), (year, month, raise) => {
      const higher = year.map((m, k) => (k === month ? { ...m, actual: m.actual + raise } : m));
      const before = settleYear(year);
      const after = settleYear(higher);
      const period = `2025-${String(month + 1).padStart(2, '0')}`;
      expect(completionLine(after, period).gte(completionLine(before, period))).toBe(true);
      expect(total(after).gte(total(before)), `${before.totals.total} → ${after.totals.total}`).toBe(true);
    }), { numRuns: 80 });
  });
});

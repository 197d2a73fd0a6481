// Settling a year in one range gives the same lines as settling it in two ranges — whether the
// second range recomputes the year's earlier months from facts, or reads them as `history`
// (lines already posted, as the settlement store passes them).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Dataset, type LedgerLine, readDataset, settle, type Statement } from '../../../engine/index.js';
import { policyOf } from '../../fixtures/scenario.js';
import { ruralInput, ruralPayees, ruralYear } from '../../fixtures/random-rural.js';

const policy = policyOf('rural-contract');
// March returns nothing of Q1: a zero refund is no line, so the store never sees it; Q1 must
// then still be open at June's checkpoint whether the year is settled at once or from history.
const zeroShare = policyOf('rural-contract', 'refund_schedule: { 3: { Q1: 0 } }\n');
const month = (k: number) => `2025-${String(k).padStart(2, '0')}`;
const rows = (s: Statement) => s.lines.map((l) => `${l.id} ${l.amount}`).sort();

/** What the store keeps of a posted line. */
const posted = (s: Statement): LedgerLine[] => s.lines.map((l) => ({
  id: l.id, period: l.period, payeeId: l.payeeId, line: l.line, kind: l.kind, amount: l.amount,
  returnsSources: l.trace.refunds?.map((r) => r.source),
}));

function datasetOf(payees: Parameters<typeof ruralInput>[0], under = policy): Dataset {
  const read = readDataset(ruralInput(payees), under);
  if (!read.ok) throw new Error(JSON.stringify(read.diagnostics));
  return read.dataset;
}

const twoYears = fc.array(fc.tuple(ruralYear, ruralYear).map(([a, b]) => [...a, ...b]), { minLength: 1, maxLength: 2 });

describe('settling in ranges', () => {
  it('two years at once give the lines of each year on its own: refunds and windows start again in January', () => {
    fc.assert(fc.property(twoYears, (payees) => {
      const dataset = datasetOf(payees);
      const both = settle(policy, dataset, { from: '2025-01', to: '2026-12' });
      const first = settle(policy, dataset, { from: '2025-01', to: '2025-12' });
      const second = settle(policy, dataset, { from: '2026-01', to: '2026-12' });
      expect(rows(both)).toEqual([...rows(first), ...rows(second)].sort());
    }), { numRuns: 20 });
  });

  it('two ranges give the lines of one, with or without history', () => {
    fc.assert(fc.property(ruralPayees, fc.integer({ min: 1, max: 11 }), (payees, split) => {
      const dataset = datasetOf(payees);
      const whole = settle(policy, dataset, { from: '2025-01', to: '2025-12' });
      const first = settle(policy, dataset, { from: '2025-01', to: month(split) });
      const second = settle(policy, dataset, { from: month(split + 1), to: '2025-12' });
      expect([...rows(first), ...rows(second)].sort()).toEqual(rows(whole));
      const fromHistory = settle(policy, dataset, { from: month(split + 1), to: '2025-12', history: posted(first) });
      expect(rows(fromHistory)).toEqual(rows(second));
      expect(second.from).toBe(month(split + 1));
      expect(second.lines.every((l) => l.period > month(split))).toBe(true);
    }), { numRuns: 40 });
  });

  it('a checkpoint that returns nothing leaves its quarters open, at once or from history', () => {
    fc.assert(fc.property(ruralPayees, fc.integer({ min: 3, max: 5 }), (payees, split) => {
      const dataset = datasetOf(payees, zeroShare);
      const whole = settle(zeroShare, dataset, { from: '2025-01', to: '2025-12' });
      const first = settle(zeroShare, dataset, { from: '2025-01', to: month(split) });
      const fromHistory = settle(zeroShare, dataset, { from: month(split + 1), to: '2025-12', history: posted(first) });
      expect([...rows(first), ...rows(fromHistory)].sort()).toEqual(rows(whole));
      expect(first.lines.some((l) => l.line === 'refund' && l.period === '2025-03')).toBe(false);
    }), { numRuns: 30 });
  });
});

// Refunds in integer units (amounts detail) against the reference closures: the same lines and
// the same quarters returned, whether the year is settled at once or from posted history — with
// history amounts in whole cents, and with one of more places, which hands the refund back to the
// reference (Exact) path.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type LedgerLine, settle, type SettleOptions, type Statement } from '../../../engine/index.js';
import { folderDataset, policyOf } from '../../fixtures/scenario.js';

const rural = policyOf('rural-contract');
const dataset = folderDataset(rural, 'data/scenarios/rural-contract');
const both = (options: SettleOptions): [Statement, Statement] => [
  settle(rural, dataset, { ...options, detail: 'amounts' }),
  settle(rural, dataset, { ...options, detail: 'amounts', engine: 'reference' }),
];

/** Posted lines as history, each refund with the quarters its trace says it returned. */
function history(to: string): LedgerLine[] {
  return settle(rural, dataset, { to, detail: 'trace' }).lines.map((l) => ({
    id: l.id, period: l.period, payeeId: l.payeeId, line: l.line, kind: l.kind, amount: l.amount,
    returnsSources: l.trace.refunds?.map((r) => r.source),
  }));
}

describe('refunds in integer units', () => {
  it('are the reference refunds over the whole year', () => {
    const [integer, reference] = both({});
    const refunds = integer.lines.filter((l) => l.line === 'refund');
    expect(refunds.length).toBeGreaterThan(0);
    expect(integer).toEqual(reference);
    // and the statement's refunds are the scenario's expected ones
    const expected = readFileSync('data/scenarios/rural-contract/expected.csv', 'utf8').split('\n').filter((r) => r.includes(',refund,'));
    expect(refunds.map((l) => `${l.period},${l.payeeId},rural-contract,refund,refund,${l.amount}`).sort()).toEqual(expected.sort());
  });

  it('return each quarter once when the later months are settled from posted history', () => {
    for (const cut of ['2025-03', '2025-06', '2025-08']) {
      const from = `2025-${String(Number(cut.slice(5)) + 1).padStart(2, '0')}`;
      const [integer, reference] = both({ from, history: history(cut) });
      expect(integer, cut).toEqual(reference);
      const whole = settle(rural, dataset, { detail: 'amounts', from });
      expect(integer.lines.map((l) => [l.id, l.amount]), cut).toEqual(whole.lines.map((l) => [l.id, l.amount]));
    }
  });

  it('hand a deduction of more places than cents back to the reference path', () => {
    const posted = history('2025-06').map((l) => (l.line === 'under_completion' && l.amount !== '0.00' ? { ...l, amount: `${l.amount}5` } : l));
    expect(posted.some((l) => l.amount.endsWith('5') && l.line === 'under_completion')).toBe(true);
    const [integer, reference] = both({ from: '2025-07', history: posted });
    expect(integer).toEqual(reference);
  });
});

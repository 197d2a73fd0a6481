// A small hand-written rural-contract dataset (test/fixtures/rural-boundary) whose rows sit on
// purpose on the boundaries where binary floats or a sloppy rule would go wrong. Every amount
// below is computed by hand in the comment next to it (base = maintenance + development).
import { describe, expect, it } from 'vitest';
import { settle, type Statement } from '../../../engine/index.js';
import { folderDataset, policyOf } from '../../fixtures/scenario.js';

const DIR = 'test/fixtures/rural-boundary';

function settleBoundary(overrides?: string): Statement {
  const policy = policyOf('rural-contract', overrides);
  return settle(policy, folderDataset(policy, DIR));
}

const rows = (s: Statement, payeeId: string) =>
  s.lines.filter((l) => l.payeeId === payeeId).map((l) => `${l.period} ${l.line} ${l.amount}`);

describe('rural-contract on boundary rows', () => {
  const statement = settleBoundary();

  it('B01: completion exactly 1, a step boundary, the fee gate met exactly and missed by a hair', () => {
    expect(rows(statement, 'B01')).toEqual([
      // Jan: 1000 × 1.50; 10 × 20 + 2 × 50 + 5 × 10 = 350; base 1850.
      // r = 10000 / 10000 = 1 exactly: over_completion = 1850 × (1 − 1) = 0, so no line; no deduction either.
      '2025-01 maintenance 1500.00',
      '2025-01 development 350.00',
      // fees_due 0 pays ("nothing due"): 100.50 × 0.01 = 1.005, a true half cent → 1.01 (floats give 1.00).
      '2025-01 fee_collection 1.01',
      '2025-02 maintenance 1500.00',
      '2025-02 development 350.00',
      // r = 9300 / 10000 = 0.93: (1 − 0.93) / 0.01 = 7 full steps exactly (floats give 6.999999999999995),
      // 7 × 0.02 = 0.14; 1850 × 0.14 = 259.00.
      '2025-02 under_completion -259.00',
      // collected / due = 490 / 500 = 0.98, exactly the gate: paid, 490 × 0.01 = 4.90.
      '2025-02 fee_collection 4.90',
      '2025-03 maintenance 1500.00',
      '2025-03 development 350.00',
      // r = 13000 / 10000 = 1.3 = max_ratio: 1850 × 0.3 = 555.00.
      '2025-03 over_completion 555.00',
      // Q1 cumulative: actual 32300 ≥ plan 30000, checkpoint met: Q1 share 1.00 × 259 = 259.00.
      '2025-03 refund 259.00',
      // Mar fee: 489.99 / 500 = 0.97998 < 0.98, withheld (below).
    ]);
  });

  it('B02: revenue_plan 0 makes no completion line, half cents round up, an all-zero month makes nothing', () => {
    expect(rows(statement, 'B02')).toEqual([
      // 1 × 1.50; arrears 0.50 × 0.03 = 0.015 → 0.02 (half-up, once). Plan 0: no over/under line, no division error.
      '2025-01 maintenance 1.50',
      '2025-01 arrears_buyout 0.02',
      // Feb: every fact 0 → every line 0 → no line at all.
      // Mar: 3 × 1.50 = 4.50; 1.50 × 0.03 = 0.045 → 0.05. Checkpoint met (0 ≥ 0) but nothing was deducted: no refund line.
      '2025-03 maintenance 4.50',
      '2025-03 arrears_buyout 0.05',
    ]);
  });

  it('B03: the deduction cap, a shortfall under one step, and a checkpoint met with actual exactly equal to plan', () => {
    expect(rows(statement, 'B03')).toEqual([
      // 200 × 1.50 = 300; 1 × 20 = 20; base 320.
      '2025-01 maintenance 300.00',
      '2025-01 development 20.00',
      // r = 0.6: 40 steps × 0.02 = 0.80, capped at max_deduction 0.30: 320 × 0.30 = 96.00.
      '2025-01 under_completion -96.00',
      // Feb: r = 0.9999, shortfall 0.0001 is no full step: 0 deducted, no line.
      '2025-02 maintenance 300.00',
      '2025-02 development 20.00',
      '2025-03 maintenance 300.00',
      '2025-03 development 20.00',
      // r = 1.4001, paid up to max_ratio 1.3: 320 × 0.3 = 96.00.
      '2025-03 over_completion 96.00',
      // 6000 + 9999 + 14001 = 30000 = plan 30000: met (≥), Q1 returned in full: 96.00.
      '2025-03 refund 96.00',
    ]);
  });

  it('withholds the fee commission missed by 0.00002 and says why', () => {
    expect(statement.withheld.map((w) => [w.period, w.payeeId, w.line, w.wouldPay, w.reason])).toEqual([
      ['2025-03', 'B01', 'fee_collection', '4.90',
        'withheld: nothing due: fees_due 500 = 0 is not met; collection gate: fee_ratio 0.97998 ≥ fee_gate 0.98 is not met'],
    ]);
  });

  it('totals are sums of the rounded lines', () => {
    // commission: B01 3 × 1850 + 1.01 + 4.90 = 5555.91; B02 1.50 + 0.02 + 4.50 + 0.05 = 6.07; B03 3 × 320 = 960 → 6521.98
    // deduction: −259 − 96 = −355; refund: 259 + 96 = 355; bonus: 555 + 96 = 651; total 6521.98 + 651 = 7172.98
    expect(statement.totals).toEqual({
      total: '7172.98',
      byKind: { commission: '6521.98', deduction: '-355.00', refund: '355.00', bonus: '651.00' },
    });
  });

  it('overridden step_rate and max_deduction change exactly the deduction and refund lines', () => {
    const changed = settleBoundary('step_rate: 0.03\nmax_deduction: 0.5\n');
    // B01 Feb: 7 steps × 0.03 = 0.21 (under the cap 0.5): 1850 × 0.21 = 388.50, returned in full in March.
    // B03 Jan: 40 × 0.03 = 1.20, capped at 0.5: 320 × 0.5 = 160.00, returned in full in March.
    const changes = (s: Statement) => s.lines.filter((l) => l.line === 'under_completion' || l.line === 'refund')
      .map((l) => `${l.period} ${l.payeeId} ${l.line} ${l.amount}`);
    expect(changes(changed)).toEqual([
      '2025-02 B01 under_completion -388.50',
      '2025-03 B01 refund 388.50',
      '2025-01 B03 under_completion -160.00',
      '2025-03 B03 refund 160.00',
    ]);
    const others = (s: Statement) => s.lines.filter((l) => l.line !== 'under_completion' && l.line !== 'refund').map((l) => `${l.id} ${l.amount}`);
    expect(others(changed)).toEqual(others(statement));
  });
});

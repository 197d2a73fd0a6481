// Parameter files change results exactly as computed by hand, through the library API
// (loadPolicy with overrides → readDataset → settle). Maps merge key by key; lists and scalars
// replace. compareStatements shows which lines moved, so each case also proves nothing else did.
import { describe, expect, it } from 'vitest';
import { compareStatements, type Statement } from '../../../engine/index.js';
import { deepMerge } from '../../../engine/policy/overrides.js';
import { amountOf, linesOf, policyOf, settleScenario } from '../../fixtures/scenario.js';

/** The rules whose lines differ between two statements. */
const changedRules = (before: Statement, after: Statement) =>
  [...new Set(compareStatements(before, after).lines.map((l) => l.line))].sort();

describe('deepMerge', () => {
  it('merges maps key by key and replaces lists and scalars', () => {
    const base = { a: { x: 1, y: 2 }, list: [1, 2, 3], n: 5 };
    expect(deepMerge(base, { a: { y: 9, z: 3 }, list: [7], n: 6 })).toEqual({ a: { x: 1, y: 9, z: 3 }, list: [7], n: 6 });
    expect(base).toEqual({ a: { x: 1, y: 2 }, list: [1, 2, 3], n: 5 }); // the policy's own value is not mutated
  });
});

describe('rural-contract overrides', () => {
  const before = settleScenario('rural-contract');

  it('step_rate 0.03 deepens every stepped deduction by half', () => {
    const after = settleScenario('rural-contract', 'step_rate: 0.03\n');
    // R02 2025-01: base = 3498 × 1.50 + (50 × 20 + 3 × 50 + 7 × 10) = 5247 + 1220 = 6467;
    // r = 59810.4 / 64800 = 0.923 → floor(0.077 / 0.01) = 7 steps.
    // 0.02 × 7 = 0.14 → 905.38 before; 0.03 × 7 = 0.21 → 6467 × 0.21 = 1358.07 after.
    expect(amountOf(before, 'R02', '2025-01', 'under_completion')).toBe('-905.38');
    expect(amountOf(after, 'R02', '2025-01', 'under_completion')).toBe('-1358.07');
    expect(changedRules(before, after)).toEqual(['refund', 'under_completion']);
  });

  it('max_deduction caps the share: step_rate 0.05 hits the 0.30 cap, max_deduction 0.10 lowers it', () => {
    // 7 steps × 0.05 = 0.35 > 0.30 → 6467 × 0.30 = 1940.10
    const steep = settleScenario('rural-contract', 'step_rate: 0.05\n');
    expect(amountOf(steep, 'R02', '2025-01', 'under_completion')).toBe('-1940.10');
    // 7 steps × 0.02 = 0.14 > 0.10 → 6467 × 0.10 = 646.70
    const capped = settleScenario('rural-contract', 'max_deduction: 0.10\n');
    expect(amountOf(capped, 'R02', '2025-01', 'under_completion')).toBe('-646.70');
  });

  it('refund_schedule merges into the schedule: other checkpoints and quarters keep their shares', () => {
    const overrides = 'refund_schedule:\n  6: { Q1: 0.5 }\n';
    const schedule = policyOf('rural-contract', overrides).params.find((p) => p.name === 'refund_schedule')!.value;
    expect(schedule).toEqual({
      3: { Q1: '1' }, 6: { Q1: '0.5', Q2: '1' }, 9: { Q1: '0.6', Q2: '0.8', Q3: '1' }, 12: { Q1: '0.4', Q2: '0.6', Q3: '0.8', Q4: '1' },
    });
    const after = settleScenario('rural-contract', overrides);
    // June checkpoint. R02: Q1 deducted 905.38 + 791.40 + 661.65 = 2358.43; 0.80 × 2358.43 = 1886.744 → 1886.74
    // before, 0.5 × 2358.43 = 1179.215, a true half cent → 1179.22 after.
    // R01's Q1 was already returned in March; its Q2 (480.15) and R06's Q2 (291.48) keep share 1.00.
    expect(linesOf(before, 'refund').filter((l) => l.startsWith('2025-06'))).toEqual([
      '2025-06 R01 480.15', '2025-06 R02 1886.74', '2025-06 R06 291.48',
    ]);
    expect(linesOf(after, 'refund').filter((l) => l.startsWith('2025-06'))).toEqual([
      '2025-06 R01 480.15', '2025-06 R02 1179.22', '2025-06 R06 291.48',
    ]);
    expect(compareStatements(before, after).lines).toEqual([
      { period: '2025-06', payeeId: 'R02', line: 'refund', kind: 'refund', before: '1886.74', after: '1179.22', delta: '-707.52' },
    ]);
  });
});

describe('postal-agency overrides', () => {
  const before = settleScenario('postal-agency');

  it('competition_tiers given as a list replaces the whole list', () => {
    const after = settleScenario('postal-agency', 'competition_tiers:\n  - { min: 1.25, award: 5000 }\n');
    // offset completion: P03 Jan (393120 + 262080) / 504000 = 1.3 ≥ 1.25 → 5000; P03 Mar 1.21 and
    // P01 Feb 1.13 reached the old tiers but not the single new one; nothing else reaches 1.25.
    expect(linesOf(before, 'competition')).toHaveLength(6);
    expect(linesOf(after, 'competition')).toEqual(['2025-01 P03 5000.00']);
    expect(changedRules(before, after)).toEqual(['competition']);
  });

  it('a replaced tier list is shown in the order written and paid by min, whatever the order', () => {
    const overrides = 'competition_tiers:\n  - { min: 1.0, award: 100 }\n  - { min: 1.25, award: 5000 }\n';
    expect(policyOf('postal-agency', overrides).params.find((p) => p.name === 'competition_tiers')!.value)
      .toEqual([{ min: '1', award: '100' }, { min: '1.25', award: '5000' }]);
    // P03 Jan 1.3 reaches 1.25; P01 Feb 1.13, P02 Mar 1.13, P03 Feb 1.04, P03 Mar 1.21, P04 Feb 1.04 reach 1.0 only.
    expect(linesOf(settleScenario('postal-agency', overrides), 'competition')).toEqual([
      '2025-02 P01 100.00', '2025-03 P02 100.00', '2025-01 P03 5000.00', '2025-02 P03 100.00', '2025-03 P03 100.00', '2025-02 P04 100.00',
    ]);
  });

  it('card_rate given as a map changes only the operator named', () => {
    const after = settleScenario('postal-agency', 'card_rate: { telecom: 0.04 }\n');
    // P01 Jan: 0.025 × 151855.44 + 0.030 × 131147.88 = 3796.386 + 3934.4364;
    // + 0.035 × 62122.68 = 2174.2938 → 9905.1162 → 9905.12 before;
    // + 0.040 × 62122.68 = 2484.9072 → 10215.7296 → 10215.73 after.
    expect(amountOf(before, 'P01', '2025-01', 'card_commission')).toBe('9905.12');
    expect(amountOf(after, 'P01', '2025-01', 'card_commission')).toBe('10215.73');
    expect(changedRules(before, after)).toEqual(['card_commission']);
  });
});

describe('service-center overrides', () => {
  it('a higher margin_gate withholds bonuses whose quarter margin falls below it', () => {
    const before = settleScenario('service-center');
    const after = settleScenario('service-center', 'margin_gate: 0.84\n');
    // quarter margins: S01 Q2 0.8437, Q3 0.8513, Q4 0.8395; S02 Q1 0.8348, Q2 0.8204; S03 Q1 0.8702, Q2 0.8378, Q3 0.8492.
    // At 0.84 only S03 Q1, S01 Q2, S01 Q3 and S03 Q3 still pay (amounts unchanged).
    expect(linesOf(after, 'quarterly_bonus')).toEqual([
      '2025-06 S01 33459.16', '2025-09 S01 39786.41', '2025-03 S03 34616.56', '2025-09 S03 40202.16',
    ]);
    // S02 Q1: Σ revenue 1510200, Σ cost 249472 → margin 1260728 / 1510200 = 0.83480… < 0.84; it would
    // have paid 1510200 × 0.02 × (90 + 74 + 99) / 3 / 100 = 26478.84.
    const s02 = after.withheld.find((w) => w.payeeId === 'S02' && w.period === '2025-03')!;
    expect(s02.wouldPay).toBe('26478.84');
    expect(s02.reason).toMatch(/^withheld: margin gate: quarter_margin 0\.8348\d*…? ≥ margin_gate 0\.84 is not met$/);
    expect(amountOf(before, 'S02', '2025-03', 'quarterly_bonus')).toBe('26478.84');
    expect(changedRules(before, after)).toEqual(['quarterly_bonus']);
  });
});

describe('private-line overrides', () => {
  it('rank_awards given as a shorter list pays fewer ranks', () => {
    const before = settleScenario('private-line');
    const after = settleScenario('private-line', 'rank_awards: [5000, 1000]\n');
    // April by growth: L06 first, L03 second, L01 third; May: L05, L02, L08. Two awards now.
    expect(linesOf(before, 'growth_rank')).toEqual([
      '2025-04 L01 3000.00', '2025-05 L02 6000.00', '2025-04 L03 6000.00', '2025-05 L05 10000.00', '2025-04 L06 10000.00', '2025-05 L08 3000.00',
    ]);
    expect(linesOf(after, 'growth_rank')).toEqual([
      '2025-05 L02 1000.00', '2025-04 L03 1000.00', '2025-05 L05 5000.00', '2025-04 L06 5000.00',
    ]);
    expect(changedRules(before, after)).toEqual(['growth_rank']);
  });
});

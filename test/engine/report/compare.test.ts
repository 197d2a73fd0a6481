// The impact of a change: two statements over the same data compared in total, by kind, by
// payee (gainers and losers) and line by line — here a rural step_rate raised from 0.02 to 0.03.
import { describe, expect, it } from 'vitest';
import { compareStatements, Exact } from '../../../engine/index.js';
import { settleScenario } from '../../fixtures/scenario.js';

describe('compareStatements', () => {
  const before = settleScenario('rural-contract');
  const after = settleScenario('rural-contract', 'step_rate: 0.03\n');
  const impact = compareStatements(before, after, 3);

  it('gives totals before, after and their difference, by kind', () => {
    expect(impact.before).toEqual(before.totals);
    expect(impact.after).toEqual(after.totals);
    const d = (x: string, y: string) => Exact.parse(y).sub(Exact.parse(x)).toFixed(2);
    expect(impact.delta.total).toBe(d(before.totals.total, after.totals.total));
    expect(impact.delta.byKind.commission).toBe('0.00');
    expect(impact.delta.byKind.bonus).toBe('0.00');
    expect(Exact.parse(impact.delta.byKind.deduction).sign()).toBe(-1);
    expect(Exact.parse(impact.delta.byKind.refund).sign()).toBe(1);
  });

  it('lists every payee, the losers worst first, and no gainers', () => {
    expect(impact.payees.map((p) => p.payeeId).sort()).toEqual(['R01', 'R02', 'R03', 'R04', 'R05', 'R06']);
    expect(impact.gainers).toEqual([]);
    expect(impact.losers.length).toBeLessThanOrEqual(3);
    const deltas = impact.losers.map((p) => Exact.parse(p.delta));
    deltas.forEach((x, i) => { if (i) expect(x.gte(deltas[i - 1])).toBe(true); });
    const sum = impact.payees.reduce((s, p) => s.add(Exact.parse(p.delta)), Exact.ZERO);
    expect(sum.toFixed(2)).toBe(impact.delta.total);
  });

  it('lists each changed line with before, after and delta', () => {
    // R02 2025-01: 6467 × 0.14 = 905.38 → 6467 × 0.21 = 1358.07
    expect(impact.lines).toContainEqual({
      period: '2025-01', payeeId: 'R02', line: 'under_completion', kind: 'deduction', before: '-905.38', after: '-1358.07', delta: '-452.69',
    });
    expect(new Set(impact.lines.map((l) => l.line))).toEqual(new Set(['under_completion', 'refund']));
  });

  it('finds no change between a statement and itself', () => {
    const same = compareStatements(before, before);
    expect(same.lines).toEqual([]);
    expect(same.delta.total).toBe('0.00');
  });
});

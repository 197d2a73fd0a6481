// Missing facts are reported before anything else that goes wrong in a run, although each payee
// is checked only just before it is settled: a payee whose formula fails, settled before one
// whose months are missing, still gets the missing-facts error, naming every payee that lacks
// months; with none missing, the formula's own error.
import { describe, expect, it } from 'vitest';
import { RatecardError, formatDiagnostic } from '../../../engine/index.js';
import { settleText } from '../../fixtures/scenario.js';

const POLICY = `id: coverage
name: Coverage
version: 1
applies_to: { channel_type: [rural_contract] }
facts:
  sales: { type: money }
  plan: { type: money }
rules:
  - { id: ratio, kind: bonus, amount: 'sales / plan' }
`;
const PAYEES = 'payee_id,channel_type\nW01,rural_contract\nW02,rural_contract\nW03,rural_contract\n';
const row = (p: string, m: number, plan: string) => `2025-0${m},${p},100,${plan}`;

function errorOf(facts: string[]): string[] {
  try {
    settleText(POLICY, ['period,payee_id,sales,plan', ...facts].join('\n'), { payeesCsv: PAYEES, detail: 'amounts' });
  } catch (e) {
    if (e instanceof RatecardError) return e.diagnostics.map(formatDiagnostic);
    throw e;
  }
  return [];
}

describe('missing facts come first', () => {
  it('over a formula that fails in an earlier payee', () => {
    // W01 divides by zero in 2025-01; W02 and W03 miss 2025-02
    const errors = errorOf([row('W01', 1, '0'), row('W01', 2, '1'), row('W02', 1, '1'), row('W03', 1, '1')]);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/payee `W02` has no facts in facts\.csv for 2025-02/);
    expect(errors[1]).toMatch(/payee `W03` has no facts in facts\.csv for 2025-02/);
  });

  it('and the formula\'s error when no month is missing', () => {
    const errors = errorOf([row('W01', 1, '0'), row('W01', 2, '1'), row('W02', 1, '1'), row('W02', 2, '1'), row('W03', 1, '1'), row('W03', 2, '1')]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/rules\.ratio: cannot settle payee `W01` in 2025-01: .*division by zero/);
  });

  it('when the first payee settled is fine and a later one misses a month', () => {
    const errors = errorOf([row('W01', 1, '1'), row('W01', 2, '1'), row('W02', 1, '1'), row('W02', 2, '1'), row('W03', 1, '1')]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/payee `W03` has no facts in facts\.csv for 2025-02/);
  });
});

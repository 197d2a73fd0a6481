// Conditions in json-rules-engine's format: all / any / not, named conditions reused with
// {condition: name}, `value: {fact: name}`, `path` into a map, `in` / `notIn`; `when` decides
// whether a rule applies, `gate` whether it pays (else the line is withheld with its reason).
import { describe, expect, it } from 'vitest';
import { settleText } from '../../fixtures/scenario.js';

const POLICY = `id: conditions
name: Conditions
version: 1
applies_to: { channel_type: [rural_contract] }
facts:
  score: { type: number }
  violations: { type: count }
params:
  limits: { type: map, of: number, value: { low: 60, high: 90 } }
  floor_score: { type: number, value: 60 }
conditions:
  good_score: { fact: score, operator: greaterThanInclusive, value: { fact: limits, path: $.high } }
  clean: { fact: violations, operator: equal, value: 0 }
rules:
  - id: excellent
    kind: bonus
    when: { all: [{ condition: good_score }, { condition: clean }] }
    amount: 100
  - id: passing
    kind: bonus
    when: { not: { fact: score, operator: lessThan, value: { fact: floor_score } } }
    amount: 10
  - id: listed
    kind: bonus
    when: { any: [{ fact: score, operator: in, value: [50, 75] }, { fact: violations, operator: greaterThan, value: 5 }] }
    amount: 1
  - id: gated
    kind: bonus
    gate: { all: [{ name: veto, condition: clean }] }
    amount: 1000
`;
const FACTS = `period,payee_id,score,violations
2025-01,W01,95,0
2025-02,W01,95,1
2025-03,W01,75,0
2025-04,W01,50,9
`;

describe('conditions', () => {
  const statement = settleText(POLICY, FACTS);
  const linesIn = (month: string) => statement.lines.filter((l) => l.period === `2025-${month}`).map((l) => l.line);

  it('apply rules by all, any, not, named conditions, params by path and in', () => {
    expect(linesIn('01')).toEqual(['excellent', 'passing', 'gated']); // 95 ≥ 90, clean
    expect(linesIn('02')).toEqual(['passing']); //                         one violation: not excellent, gate fails
    expect(linesIn('03')).toEqual(['passing', 'listed', 'gated']); //     75 is in [50, 75]
    expect(linesIn('04')).toEqual(['listed']); //                          50 < 60; 9 violations > 5
  });

  it('keep what a failed gate withheld, with the named condition that failed', () => {
    expect(statement.withheld.map((w) => `${w.period} ${w.line} ${w.wouldPay} ${w.reason}`)).toEqual([
      '2025-02 gated 1000.00 withheld: veto: violations 1 = 0 is not met',
      '2025-04 gated 1000.00 withheld: veto: violations 9 = 0 is not met',
    ]);
  });

  it('trace a named condition by its name, and `value: {fact: …, path: …}` with the resolved value', () => {
    const excellent = statement.lines.find((l) => l.line === 'excellent')!;
    expect(excellent.explanation).toBe('excellent = 100 = 100 = 100 → 100.00; because good_score: score 95 ≥ limits.high 90, clean: violations 0 = 0');
  });
});

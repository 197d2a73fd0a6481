// Withheld reasons made straight from a gate's failed conditions (detail `amounts` and
// `explanation`) read exactly as the ones made from the full condition trace (detail `trace`):
// nested all / any / not, named conditions with and without a name, paths, constants and facts.
import { describe, expect, it } from 'vitest';
import { SCENARIOS, settleScenario, settleText } from '../fixtures/scenario.js';
import type { Statement } from '../../engine/index.js';

const POLICY = `id: gates
name: Gates
version: 1
applies_to: { channel_type: [rural_contract] }
facts:
  score: { type: number }
  violations: { type: count }
  due: { type: money }
  paid: { type: money }
params:
  limits: { type: map, of: number, value: { low: 60, high: 90 } }
  floor_score: { type: number, value: 60 }
metrics:
  ratio: paid / due
conditions:
  good_score: { fact: score, operator: greaterThanInclusive, value: { fact: limits, path: $.high } }
  clean: { fact: violations, operator: equal, value: 0 }
  named_group: { name: tidy, all: [{ condition: clean }, { fact: score, operator: greaterThan, value: 10 }] }
rules:
  - id: plain
    kind: bonus
    gate: { fact: ratio, operator: greaterThanInclusive, value: 0.98 }
    amount: 1
  - id: nested
    kind: bonus
    gate:
      any:
        - { name: nothing due, fact: due, operator: equal, value: 0.5 }
        - all: [{ condition: good_score }, { name: veto, condition: clean }, { not: { fact: score, operator: lessThan, value: { fact: floor_score } } }]
        - { condition: named_group }
        - { name: grouped, condition: named_group }
    amount: 2
  - id: negated
    kind: bonus
    gate: { not: { fact: violations, operator: greaterThan, value: 2 } }
    amount: 3
  - id: ordered
    kind: bonus
    gate: { all: [{ fact: score, operator: in, value: [50, 75] }, { condition: clean, priority: 5 }, { fact: ratio, operator: lessThan, value: 2 }] }
    amount: 4
`;
const FACTS = `period,payee_id,score,violations,due,paid
2025-01,W01,95,0,100,99
2025-02,W01,95,1,300,100
2025-03,W01,75,0,0.5,0.5
2025-04,W01,50,9,7,3
2025-05,W01,5,3,9,9
2025-06,W01,91,0,3,1
`;

const withheldOf = (s: Statement) => s.withheld.map((w) => ({ id: w.id, reason: w.reason, wouldPay: w.wouldPay }));

describe('withheld reasons without traces', () => {
  const traced = settleText(POLICY, FACTS);

  it('has gates that fail in several ways', () => {
    expect(new Set(traced.withheld.map((w) => w.reason)).size).toBeGreaterThan(6);
  });

  for (const detail of ['amounts', 'explanation'] as const) {
    it(`read the same in \`${detail}\` detail as from the full trace`, () => {
      const lean = settleText(POLICY, FACTS, { detail });
      expect(withheldOf(lean)).toEqual(withheldOf(traced));
      expect(lean.lines.map((l) => `${l.id} ${l.amount}`)).toEqual(traced.lines.map((l) => `${l.id} ${l.amount}`));
    });
  }
});

describe('withheld items and lines of the bundled scenarios', () => {
  for (const name of SCENARIOS) {
    it(`${name}: the same in \`amounts\` detail as with full traces`, () => {
      const traced = settleScenario(name);
      const lean = settleScenario(name, undefined, { detail: 'amounts' });
      expect(withheldOf(lean)).toEqual(withheldOf(traced));
      expect(lean.lines.map((l) => `${l.id} ${l.amount}`)).toEqual(traced.lines.map((l) => `${l.id} ${l.amount}`));
    });
  }
});

import { describe, expect, it } from 'vitest';
import { inValuePosition, namesOf } from '../../../editor/src/monaco/name-completion.js';

describe('completion of the policy\'s names', () => {
  it('offers names in values and leaves keys to the schema', () => {
    expect(inValuePosition('    amount: ')).toBe(true);
    expect(inValuePosition('    amount: base * ')).toBe(true);
    expect(inValuePosition('        - { fact: ')).toBe(true);
    expect(inValuePosition('    ')).toBe(false);
    expect(inValuePosition('  - ')).toBe(false);
    expect(inValuePosition('    kin')).toBe(false);
  });

  it('lists facts, params, metrics and lines with what they are', () => {
    const names = namesOf({
      id: 'p', name: 'P',
      facts: [{ name: 'revenue_plan', type: 'money', description: 'plan' }],
      params: [{ name: 'step_rate', type: 'rate', value: '0.02', location: { file: 'p.yaml', line: 1, column: 1 } }],
      metrics: ['completion'],
      rules: [{ id: 'maintenance', kind: 'commission' }],
    });
    expect(names.map((n) => [n.name, n.kind])).toEqual([['revenue_plan', 'fact'], ['step_rate', 'param'], ['completion', 'metric'], ['maintenance', 'line']]);
    expect(names[0].detail).toBe('fact (money): plan');
  });
});

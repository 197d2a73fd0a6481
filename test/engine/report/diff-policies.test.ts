// diffPolicies: two versions of a policy over the same input tables, compared line by line.
import { describe, expect, it } from 'vitest';
import { compareStatements, diffPolicies, RatecardError, settle } from '../../../engine/index.js';
import { datasetOf, policyOf, readSource } from '../../fixtures/scenario.js';

const dir = 'data/scenarios/service-center';
const input = { payees: readSource(`${dir}/payees.csv`), facts: readSource(`${dir}/facts.csv`) };

describe('diffPolicies', () => {
  it('gives the same impact as settling both versions and comparing them', () => {
    const before = policyOf('service-center');
    const after = policyOf('service-center', 'project_rate: 0.04\n');
    const diff = diffPolicies(before, after, input, { from: '2025-01', to: '2025-12' });
    const expected = compareStatements(
      settle(before, datasetOf(before, input), { from: '2025-01', to: '2025-12' }),
      settle(after, datasetOf(after, input), { from: '2025-01', to: '2025-12' }));
    expect(diff).toEqual({ from: '2025-01', to: '2025-12', impact: expected });
    // only project_commission reads project_rate: the quarterly bonus does not move
    expect(diff.impact.delta.byKind.bonus).toBe('0.00');
    expect(diff.impact.lines.every((l) => l.line === 'project_commission')).toBe(true);
    expect(diff.impact.delta.byKind.commission).not.toBe('0.00');
  });

  it('reports a table the new version cannot read as located errors', () => {
    const before = policyOf('service-center');
    const facts = { file: 'facts.csv', text: input.facts.text.replace(/^([^\n]*),cross_assessment_score/, '$1,score') };
    expect(() => diffPolicies(before, before, { ...input, facts })).toThrow(RatecardError);
    try { diffPolicies(before, before, { ...input, facts }); } catch (e) {
      expect((e as RatecardError).diagnostics[0]).toMatchObject({ file: 'facts.csv', line: 1, field: 'cross_assessment_score' });
    }
  });
});

// loadPolicy: what a loaded policy tells its callers (the editor renders params from it; runs
// record its hash), and how a file that is not a policy at all is reported.
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, loadPolicy, validatePolicy } from '../../../engine/index.js';
import { policyOf, readSource } from '../../fixtures/scenario.js';

describe('loadPolicy', () => {
  it('describes the policy: id, version, rules in order, facts, params with their location', () => {
    const policy = policyOf('service-center');
    expect([policy.id, policy.name, policy.version]).toEqual(['service-center', 'Contracted service centers', '1']);
    expect(policy.rules.map((r) => `${r.id} ${r.kind}`)).toEqual(['project_commission commission', 'quarterly_bonus bonus']);
    expect(policy.facts.map((f) => `${f.name} ${f.type}`)).toEqual([
      'revenue money', 'cost money', 'converted_contract_value money', 'negative_list_violations count', 'cross_assessment_score number',
    ]);
    const margin = policy.params.find((p) => p.name === 'margin_gate')!;
    expect(margin).toMatchObject({ type: 'rate', value: '0.82', description: "the quarter's margin must reach this for a bonus" });
    // the location of the value, where the editor rewrites it: `  margin_gate: { type: rate, value: 0.82, …`
    expect(margin.location).toMatchObject({ file: 'policies/service-center.yaml', line: 25, column: 37 });
  });

  it('hashes what a run was settled with: the policy alone, or the policy and its parameter file', () => {
    const plain = policyOf('rural-contract');
    const overridden = policyOf('rural-contract', 'step_rate: 0.03\n');
    expect(plain.hash).toBe(plain.sourceHash);
    expect(overridden.sourceHash).toBe(plain.sourceHash);
    expect(overridden.hash).not.toBe(plain.hash);
    expect(policyOf('rural-contract', 'step_rate: 0.03\n').hash).toBe(overridden.hash);
    expect(overridden.params.find((p) => p.name === 'step_rate')!.value).toBe('0.03');
  });

  it('keeps decimals exactly as written', () => {
    const text = readSource('policies/service-center.yaml').text.replace('value: 0.82,', 'value: 0.8200000000000000000001,');
    const loaded = loadPolicy({ file: 'p.yaml', text });
    expect(loaded.ok && loaded.policy.params.find((p) => p.name === 'margin_gate')!.value).toBe('0.8200000000000000000001');
  });

  it('reports a file that is not a policy map, and YAML errors, with their position', () => {
    expect(validatePolicy({ file: 'list.yaml', text: '- a\n- b\n' }).map(formatDiagnostic))
      .toEqual(['list.yaml:1:1 expected a policy: a YAML map with `id`, `name`, `version`, `applies_to` and `rules`']);
    const duplicate = validatePolicy({ file: 'dup.yaml', text: 'id: a\nid: b\n' }).map(formatDiagnostic);
    expect(duplicate).toHaveLength(1);
    expect(duplicate[0]).toMatch(/^dup\.yaml:2:1 yaml: map keys must be unique/);
  });

  it('a valid policy has no diagnostics', () => {
    expect(validatePolicy(readSource('policies/private-line.yaml'))).toEqual([]);
  });
});

// Anchors, aliases and merge keys read as yaml-language-server reads them in the editor: a rule
// or a parameter written once and reused settles exactly as if written out.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, loadPolicy, settle } from '../../../engine/index.js';
import { datasetOf, readSource } from '../../fixtures/scenario.js';

const dir = 'data/scenarios/service-center';
const input = { payees: readSource(`${dir}/payees.csv`), facts: readSource(`${dir}/facts.csv`) };
const bundled = readFileSync('policies/service-center.yaml', 'utf8');

function load(text: string) {
  const loaded = loadPolicy({ file: 'policies/service-center.yaml', text });
  if (!loaded.ok) throw new Error(loaded.diagnostics.map(formatDiagnostic).join('\n'));
  return loaded.policy;
}

describe('anchors, aliases and merge keys', () => {
  it('a rule copied with `<<: *anchor` and one key changed settles like one written out', () => {
    const anchored = bundled.replace('  - id: project_commission\n', '  - &project\n    id: project_commission\n')
      + '  - { <<: *project, id: project_commission_again }\n';
    const written = bundled + '  - id: project_commission_again\n    kind: commission\n    amount: { percent_of: { rate: project_rate, base: converted_contract_value } }\n';
    const a = load(anchored), w = load(written);
    const lines = (p: typeof a) => settle(p, datasetOf(p, input)).lines.map((l) => `${l.id} ${l.amount}`);
    expect(lines(a)).toEqual(lines(w));
    const count = (rule: string) => lines(a).filter((l) => l.split(' ')[0].endsWith(`/${rule}`)).length;
    expect(count('project_commission_again')).toBe(count('project_commission'));
    expect(count('project_commission')).toBeGreaterThan(0);
  });

  it('an alias reads its anchor\'s exact value', () => {
    const text = bundled.replace('value: 0.03,', 'value: &rate 0.03,').replace('bonus_rate: { type: rate, value: 0.02,', 'bonus_rate: { type: rate, value: *rate,');
    const p = load(text);
    expect(p.params.find((x) => x.name === 'bonus_rate')?.value).toBe('0.03');
  });

  it('a map\'s own keys win over merged ones', () => {
    const text = bundled.replace('margin_gate: { type: rate, value: 0.82,', 'margin_gate: { <<: { type: rate, value: 0.5 }, value: 0.82,');
    expect(load(text).params.find((x) => x.name === 'margin_gate')?.value).toBe('0.82');
  });
});

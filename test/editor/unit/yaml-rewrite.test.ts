import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../../engine/index.js';
import { appendYamlRow, deleteYamlValue, setYamlValue } from '../../../editor/src/form/yaml-rewrite.js';

const rural = readFileSync(new URL('../../../policies/rural-contract.yaml', import.meta.url), 'utf8');
const postal = readFileSync(new URL('../../../policies/postal-agency.yaml', import.meta.url), 'utf8');
const privateLine = readFileSync(new URL('../../../policies/private-line.yaml', import.meta.url), 'utf8');

/** Lines of `after` that differ from `before`, when both have the same number of lines. */
const changedLines = (before: string, after: string) => {
  const a = before.split('\n'), b = after.split('\n');
  expect(b.length).toBe(a.length);
  return b.filter((l, i) => l !== a[i]);
};
const paramValue = (text: string, name: string) => {
  const loaded = loadPolicy({ file: 'p.yaml', text });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.policy.params.find((p) => p.name === name)!.value;
};

describe('form → YAML rewriting', () => {
  it('changes one scalar and nothing else: comments, folded text and flow maps stay as written', () => {
    const out = setYamlValue(rural, ['params', 'step_rate', 'value'], '0.03');
    expect(changedLines(rural, out)).toEqual(['    value: 0.03']);
    expect(out).toContain('# Contracted rural points (农村统包点)');
    expect(paramValue(out, 'step_rate')).toBe('0.03');
  });

  it('writes decimals exactly as typed, never through a float', () => {
    const out = setYamlValue(rural, ['params', 'maintenance_price', 'value'], '1.100000000000000000000001');
    expect(out).toContain('value: 1.100000000000000000000001,');
    expect(paramValue(out, 'maintenance_price')).toBe('1.100000000000000000000001');
  });

  it('edits a value inside a flow map of a schedule whose keys are numbers', () => {
    const out = setYamlValue(rural, ['params', 'refund_schedule', 'value', '6', 'Q1'], '0.75');
    expect(changedLines(rural, out)).toEqual(['      6: { Q1: 0.75, Q2: 1.00 }']);
  });

  it('adds a key to a flow map in place', () => {
    const out = setYamlValue(rural, ['params', 'refund_schedule', 'value', '6', 'Q3'], '0.5');
    expect(changedLines(rural, out)).toEqual(['      6: { Q1: 0.80, Q2: 1.00, Q3: 0.5 }']);
    const map = setYamlValue(postal, ['params', 'card_rate', 'value', 'other'], '0.010');
    expect(changedLines(postal, map)).toEqual(['    value: { mobile: 0.025, unicom: 0.030, telecom: 0.035, other: 0.010 }']);
  });

  it('appends and removes tier rows in the style of the rows around them', () => {
    const added = appendYamlRow(postal, ['params', 'competition_tiers', 'value'], { min: '0.90', award: '500' });
    expect(added).toContain('      - { min: 1.00, award: 1000 }\n      - { min: 0.90, award: 500 }\n');
    const tiers = paramValue(added, 'competition_tiers') as { min: string; award: string }[];
    expect(tiers.map((t) => [Number(t.min), Number(t.award)]).sort()).toEqual([[0.9, 500], [1, 1000], [1.1, 2000], [1.2, 3500]]);
    const removed = deleteYamlValue(postal, ['params', 'competition_tiers', 'value', 0]);
    expect(removed).not.toContain('{ min: 1.20, award: 3500 }');
    expect(removed.split('\n').length).toBe(postal.split('\n').length - 1);
    expect(removed.slice(removed.indexOf('metrics:'))).toBe(postal.slice(postal.indexOf('metrics:')));
  });

  it('sets a list element', () => {
    const out = setYamlValue(privateLine, ['params', 'rank_awards', 'value', 1], '6500');
    expect(paramValue(out, 'rank_awards')).toEqual(['10000', '6500', '3000']);
  });
});

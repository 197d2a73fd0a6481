// The seven bundled policies: each names its schema on line 1 (so yaml-language-server checks
// and completes it), validates against the committed policies/policy.schema.json on its own
// (as an editor would, without the engine), loads without warnings, and exposes exactly the
// parameter names, types and values of data/scenarios/README.md.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../engine/index.js';
import { readSource, SCENARIOS } from '../fixtures/scenario.js';
import { runCli } from '../fixtures/run-cli.js';
import { newAjv } from '../fixtures/ajv.js';

const validateAgainstFile = newAjv().compile(JSON.parse(readFileSync('policies/policy.schema.json', 'utf8')));

// data/scenarios/README.md, parameter tables: name → [type, value] (decimals as the engine prints them).
const PARAMETERS: Record<string, Record<string, [string, unknown]>> = {
  'rural-contract': {
    maintenance_price: ['money', '1.5'], new_line_price: ['money', '20'], broadband_price: ['money', '50'], install_price: ['money', '10'],
    step: ['rate', '0.01'], step_rate: ['rate', '0.02'], max_deduction: ['rate', '0.3'], max_ratio: ['ratio', '1.3'],
    fee_rate: ['rate', '0.01'], fee_gate: ['rate', '0.98'], buyout_rate: ['rate', '0.03'],
    refund_schedule: ['schedule', { 3: { Q1: '1' }, 6: { Q1: '0.8', Q2: '1' }, 9: { Q1: '0.6', Q2: '0.8', Q3: '1' }, 12: { Q1: '0.4', Q2: '0.6', Q3: '0.8', Q4: '1' } }],
    over_target_rate: ['rate', '0.05'],
  },
  'postal-agency': {
    card_rate: ['map', { mobile: '0.025', unicom: '0.03', telecom: '0.035' }],
    number_price: ['map', { mobile: '30', unicom: '35', telecom: '40' }],
    fee_rate: ['rate', '0.003'],
    // in the file's order (highest first), so a form's row i is the file's row i
    competition_tiers: ['tiers', [{ min: '1.2', award: '3500' }, { min: '1.1', award: '2000' }, { min: '1', award: '1000' }]],
  },
  'service-center': { project_rate: ['rate', '0.03'], margin_gate: ['rate', '0.82'], bonus_rate: ['rate', '0.02'] },
  'private-line': {
    commission_rate: ['rate', '0.05'], floor_ratio: ['rate', '0.2'], max_months: ['count', '12'],
    retention_gate: ['rate', '0.98'], retention_penalty: ['money', '2000'], audit_gate: ['rate', '0.9'], audit_penalty: ['money', '500'],
    survey_limit: ['number', '17'], survey_penalty: ['money', '100'], survey_cap: ['money', '1000'],
    rank_awards: ['list', ['10000', '6000', '3000']],
  },
  'bonus-pool': {
    pool_rate: ['rate', '0.02'], kpi_weights: ['map', { development: '0.5', service: '0.3', collection: '0.2' }], score_floor: ['number', '60'],
  },
  'piece-rate': {
    unit_price: ['map', { install: '25', move: '15', repair: '8', broadband: '40' }],
    annual_cap: ['money', '30000'], monthly_floor: ['money', '1500'], floor_gate: ['ratio', '0.8'],
    award_tiers: ['tiers', [{ min: '1.2', award: '2000' }, { min: '1', award: '1000' }]],
  },
  instalments: { commission_rate: ['rate', '0.1'], max_months: ['count', '24'], parts: ['count', '6'], clawback_months: ['count', '3'] },
};

describe.each(SCENARIOS)('policies/%s.yaml', (name) => {
  const source = readSource(`policies/${name}.yaml`);

  it('names the schema on its first line', () => {
    expect(source.text.split('\n')[0]).toBe('# yaml-language-server: $schema=./policy.schema.json');
  });

  it('validates against the committed policy.schema.json', () => {
    expect(validateAgainstFile(parse(source.text)), JSON.stringify(validateAgainstFile.errors)).toBe(true);
  });

  it('loads without errors or warnings, with its id and every parameter documented', () => {
    const loaded = loadPolicy(source);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
    expect(loaded.warnings).toEqual([]);
    expect(loaded.policy.id).toBe(name);
    for (const p of loaded.policy.params) expect(p.description, p.name).toBeTruthy();
  });

  it('exposes exactly the parameters of the scenario, with their types and values', () => {
    const loaded = loadPolicy(source);
    if (!loaded.ok) throw new Error('policy');
    const actual = Object.fromEntries(loaded.policy.params.map((p) => [p.name, [p.type, p.value]]));
    expect(Object.keys(actual).sort()).toEqual(Object.keys(PARAMETERS[name]).sort());
    expect(actual).toEqual(PARAMETERS[name]);
  });
});

it('`ratecard validate policies/*.yaml` says every bundled policy is ok', async () => {
  const run = await runCli(['validate', ...SCENARIOS.map((n) => `policies/${n}.yaml`)]);
  expect(run).toEqual({ code: 0, stderr: '', stdout: SCENARIOS.map((n) => `policies/${n}.yaml: ok\n`).join('') });
});

// `--params`: a YAML parameter file deep-merged over the policy's values, through the CLI. A
// good file changes the statement as computed by hand; a bad one is reported where the user
// typed it, with exit code 1 and no output file.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, scratch, settleArgs } from '../fixtures/run-cli.js';

const tmp = scratch();
const rowOf = (csv: string, prefix: string) => csv.split('\n').find((r) => r.startsWith(prefix))?.split(',').slice(0, 7).join(',');

describe('ratecard settle --params', () => {
  it('settles with the overridden parameters', async () => {
    const params = tmp.write('steeper.yaml', '# steeper deductions\nstep_rate: 0.03\n');
    const out = tmp.path('steeper.csv');
    const run = await runCli([...settleArgs('rural-contract'), '--params', params, '--out', out]);
    expect(run.code).toBe(0);
    const csv = readFileSync(out, 'utf8');
    // R02 2025-01: base 6467, 7 full steps × 0.03 = 0.21 → 6467 × 0.21 = 1358.07 (905.38 at 0.02)
    expect(rowOf(csv, '2025-01,R02,rural-contract,under_completion,')).toBe('2025-01,R02,rural-contract,under_completion,deduction,-1358.07,paid');
    expect(rowOf(csv, '2025-01,R02,rural-contract,maintenance,')).toBe('2025-01,R02,rural-contract,maintenance,commission,5247.00,paid');
  });

  it('settles the same bytes through the worker-thread runner (--workers 2)', async () => {
    const params = tmp.write('steeper-parts.yaml', 'step_rate: 0.03\nrefund_schedule: { 6: { Q1: 0.5 } }\n');
    const [one, parts] = [tmp.path('one.csv'), tmp.path('parts.csv')];
    expect((await runCli([...settleArgs('rural-contract'), '--params', params, '--out', one])).code).toBe(0);
    expect((await runCli([...settleArgs('rural-contract'), '--params', params, '--workers', '2', '--out', parts])).code).toBe(0);
    expect(readFileSync(parts, 'utf8')).toBe(readFileSync(one, 'utf8'));
    const bad = tmp.write('bad-parts.yaml', 'step_rate: 2%\n');
    const run = await runCli([...settleArgs('rural-contract'), '--params', bad, '--workers', '2', '--out', tmp.path('never.csv')]);
    expect(run).toMatchObject({ code: 1, stderr: `${bad}:1:12 params.step_rate.value: expected a rate between 0 and 1, got "2%"\n` });
    expect(existsSync(tmp.path('never.csv'))).toBe(false);
  });

  it('reports a value of the wrong type in the parameter file, where it was typed', async () => {
    const params = tmp.write('percent.yaml', 'step_rate: 2%\n');
    const out = tmp.path('percent.csv');
    const run = await runCli([...settleArgs('rural-contract'), '--params', params, '--out', out]);
    expect(run.stderr).toBe(`${params}:1:12 params.step_rate.value: expected a rate between 0 and 1, got "2%"\n`);
    expect(run.code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  it('reports an unknown parameter with the closest name', async () => {
    const params = tmp.write('typo.yaml', 'max_ratio: 1.5\nstep_ratee: 0.03\n');
    const run = await runCli([...settleArgs('rural-contract'), '--params', params]);
    expect(run.stderr).toBe(`${params}:2:1 step_ratee: unknown parameter \`step_ratee\`; did you mean \`step_rate\`?\n`);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
  });

  it('lists the parameters when no name is close', async () => {
    const params = tmp.write('far.yaml', 'bonus: 1\n');
    const run = await runCli(['validate', '--params', params, 'policies/service-center.yaml']);
    expect(run.stderr).toBe(`${params}:1:1 bonus: unknown parameter \`bonus\`, expected one of \`project_rate\`, \`margin_gate\`, \`bonus_rate\`\n`);
    expect(run.code).toBe(1);
  });

  it('reports a bad element inside a merged map and a replaced list', async () => {
    const params = tmp.write('nested.yaml', 'card_rate:\n  unicom: 1.5\ncompetition_tiers:\n  - { min: 1.2, award: lots }\n');
    const run = await runCli(['validate', '--params', params, 'policies/postal-agency.yaml']);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      `${params}:2:11 params.card_rate.value.unicom: expected a rate between 0 and 1, got 1.5`,
      `${params}:4:24 params.competition_tiers.value[0].award: expected an amount of money, got "lots"`,
    ]);
    expect(run.code).toBe(1);
  });

  it('reports a key a map parameter does not have: it would never be read', async () => {
    const params = tmp.write('map-typo.yaml', 'card_rate: { mobil: 0.03, satellite: 0.01, unicom: 0.02 }\n');
    const run = await runCli(['validate', '--params', params, 'policies/postal-agency.yaml']);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      `${params}:1:14 card_rate.mobil: unknown key \`mobil\` of \`card_rate\`; did you mean \`mobile\`?`,
      `${params}:1:27 card_rate.satellite: unknown key \`satellite\` of \`card_rate\`, expected one of \`mobile\`, \`unicom\`, \`telecom\``,
    ]);
    expect(run.code).toBe(1);
  });

  it('rejects a parameter file that is not a map', async () => {
    const params = tmp.write('list.yaml', '- step_rate\n');
    const run = await runCli(['validate', '--params', params, 'policies/rural-contract.yaml']);
    expect(run.stderr).toBe(`${params}:1:1 expected a map of parameter name → value\n`);
    expect(run.code).toBe(1);
  });
});

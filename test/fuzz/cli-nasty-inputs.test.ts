// The CLI on inputs an attacker or a careless user writes: each exits 1 with the located
// message naming the problem or the limit, never 70 (an internal error) and never a stack trace.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { editLines, runCli, scratch, settleArgs } from '../fixtures/run-cli.js';
import { ALIAS_BOMB as bomb } from './mutations.js';

const tmp = scratch('ratecard-nasty-');
const rural = readFileSync('policies/rural-contract.yaml', 'utf8');
const postal = readFileSync('policies/postal-agency.yaml', 'utf8');

async function fails(args: string[]) {
  const run = await runCli(args);
  expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(run.code).toBe(1);
  return run.stderr.trim().split('\n');
}
const validate = (name: string, text: string) => fails(['validate', tmp.write(name, text)]);

describe('nasty inputs through the CLI', () => {
  it('YAML alias bombs, aliases without anchors, self-references and merged scalars', async () => {
    const file = (name: string) => tmp.path(name);
    expect(await validate('bomb.yaml', bomb)).toEqual([`${file('bomb.yaml')}:6:8 f[0][2][0][6][0][3]: yaml: aliases expand to more than 100000 values, the limit on alias expansion`]);
    expect(await validate('alias.yaml', 'id: *nothing\n')).toEqual([`${file('alias.yaml')}:1:5 id: yaml: alias \`*nothing\` has no anchor \`&nothing\` before it`]);
    expect(await validate('self.yaml', 'a: &x {b: *x}\n')).toEqual([`${file('self.yaml')}:1:11 a.b: yaml: alias \`*x\` is inside the value it names: a value cannot contain itself`]);
    expect(await validate('merge.yaml', 'a: {<<: 1}\n')).toEqual([`${file('merge.yaml')}:1:9 a: yaml: a merge key \`<<\` takes a map or a list of maps, got \`1\``]);
  });

  it('3,000 nested parentheses and a 5,000-term sum', async () => {
    const parens = tmp.write('parens.yaml', rural.replace('expr: revenue_actual / revenue_plan', `expr: ${'('.repeat(3000)}revenue_actual${')'.repeat(3000)}`));
    expect(await fails(['validate', parens])).toEqual([`${parens}:63:1011 metrics.completion.expr: syntax error: the expression has more than 1000 tokens, the limit on expression size: split it into metrics`]);
    const sum = tmp.write('sum.yaml', rural.replace('expr: revenue_actual / revenue_plan', `expr: ${Array(5000).fill('revenue_actual').join(' + ')}`));
    expect(await fails(['settle', ...settleArgs('rural-contract', { policy: sum }).slice(1)])).toEqual([`${sum}:63:8511 metrics.completion.expr: syntax error: the expression has more than 1000 tokens, the limit on expression size: split it into metrics`]);
  });

  it('`card_rate.constructor` in validate and in settle alike', async () => {
    const policy = tmp.write('ctor.yaml', postal.replace('card_rate.mobile * card_sales_mobile', 'card_rate.constructor * card_sales_mobile'));
    const expected = [`${policy}:63:13 rules[0].amount: unknown key \`constructor\`, expected one of \`mobile\`, \`unicom\`, \`telecom\``];
    expect(await fails(['validate', policy])).toEqual(expected);
    expect(await fails(settleArgs('postal-agency', { policy }))).toEqual(expected);
  });

  it('a facts cell of `1e1000000` and an override of `1e-10000`', async () => {
    const facts = tmp.write('facts.csv', editLines('data/scenarios/rural-contract/facts.csv', (l) => { l[1] = l[1].replace('75969.9', '1e1000000'); return l; }));
    expect(await fails(settleArgs('rural-contract', { facts }))).toEqual([`${facts}:2:19 revenue_actual: \`1e1000000\` is too large: over the limit of 30 digits before the decimal point`]);
    const params = tmp.write('overrides.yaml', 'step_rate: 1e-10000\n');
    expect(await fails([...settleArgs('rural-contract'), '--params', params])).toEqual([`${params}:1:12 step_rate: \`1e-10000\` is too precise: over the limit of 30 decimal places`]);
  });

  it('a metric chain that squares a ratio stops at the limit on exact values, at the rule', async () => {
    const chain = Array.from({ length: 15 }, (_, i) => `  sq${i + 1}: ${i ? `sq${i} * sq${i}` : 'completion * completion'}`).join('\n');
    const policy = tmp.write('squares.yaml', rural.replace('  fee_ratio:', `${chain}\n  fee_ratio:`)
      + '\n  - id: squared\n    kind: bonus\n    amount: sq15\n');
    const [first, ...rest] = await fails(settleArgs('rural-contract', { policy }));
    expect(rest).toEqual([]);
    expect(first).toMatch(new RegExp(`^${policy.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ rules\\.squared: cannot settle payee \`R01\` in 2025-01: a computed value needs more than 4,096 bits \\(about 1,233 digits\\), the limit on the size of exact values$`));
  });

  it('an unclosed quote in a data file', async () => {
    const payees = tmp.write('payees.csv', 'payee_id,name,channel_type\nR01,"Rural point,rural_contract\nR02,Rural 2,rural_contract\n');
    const [line] = await fails(settleArgs('rural-contract', { payees }));
    expect(line).toMatch(/:2:5 name: unclosed quote: the quoted cell that starts here runs to the end of the file; close it with `"` \(write `""` for a quote inside it\)$/);
  });
});

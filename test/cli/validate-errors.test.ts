// Every policy mistake of the issue, through `ratecard validate`: unknown names, cycles,
// syntax and type errors, parameters of the wrong shape, tier gaps and overlaps, schema
// errors — each as `file:line:column field: message`, all of a file at once, exit code 1.
import { describe, expect, it } from 'vitest';
import { runCli, scratch } from '../fixtures/run-cli.js';

const tmp = scratch('ratecard-validate-');

// Lines 1–7 of every policy below; each case's own lines start at line 8.
const HEAD = `id: tiny
name: Tiny
version: 1
applies_to: { channel_type: [rural_contract] }
facts:
  revenue: { type: money }
  plan: { type: money }
`;

let count = 0;
async function validate(body: string) {
  const file = tmp.write(`policy-${++count}.yaml`, HEAD + body);
  const run = await runCli(['validate', file]);
  const errors = run.stderr.trimEnd().split('\n').map((l) => l.replace(file, 'policy.yaml'));
  return { ...run, errors };
}

async function expectErrors(body: string, expected: string[]) {
  const run = await validate(body);
  expect(run.errors).toEqual(expected);
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('ratecard validate', () => {
  it('accepts a valid policy', async () => {
    const run = await validate('rules:\n  - { id: pay, kind: commission, amount: revenue * 0.1 }\n');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/policy-\d+\.yaml: ok\n$/);
  });

  it('reports an unknown fact in a condition and an unknown param in an amount, with suggestions', async () => {
    await expectErrors(`params:
  rate: { type: rate, value: 0.1 }
rules:
  - id: pay
    kind: commission
    when: { all: [{ fact: revenu, operator: greaterThan, value: 0 }] }
    amount: revenue * rat
`, [
      'policy.yaml:13:27 rules[0].when.all[0].fact: unknown name `revenu`: not a fact, param, metric or line of this policy; did you mean `revenue`?',
      'policy.yaml:14:23 rules[0].amount: unknown name `rat`: not a fact, param, metric or line of this policy; did you mean `rate`?',
    ]);
  });

  it('reports an unknown metric a rank orders by, and an unknown rule a refund returns', async () => {
    await expectErrors(`params:
  shares: { type: schedule, value: { 3: { Q1: 1 } } }
metrics:
  growth: revenue / plan - 1
  position: { rank: { by: [{ metric: grwth, order: desc }] } }
rules:
  - { id: pay, kind: commission, amount: revenue * 0.1 }
  - { id: back, kind: refund, amount: { refund: { of: penalty, schedule: shares } } }
`, [
      'policy.yaml:12:38 metrics.position.rank.by[0].metric: unknown name `grwth`: not a fact, param, metric or line of this policy; did you mean `growth`?',
      'policy.yaml:15:55 rules[1].amount.refund.of: unknown rule `penalty`: a refund returns the deductions of an earlier rule',
    ]);
  });

  it('reports a cycle between metrics, and a metric that reads itself', async () => {
    await expectErrors(`metrics:
  a: b + 1
  b: c * 2
  c: a - 1
  d: d + 1
rules:
  - { id: pay, kind: commission, amount: a }
`, [
      'policy.yaml:11:6 metrics.c: metrics form a cycle: `a` → `b` → `c` → `a`',
      'policy.yaml:12:6 metrics.d: metrics form a cycle: `d` → `d`',
    ]);
  });

  it('reports expression syntax errors at the offending character', async () => {
    await expectErrors(`metrics:
  open: (revenue + plan
  odd: revenue # plan
  digits: 2x + revenue
rules:
  - { id: pay, kind: commission, amount: revenue * * 2 }
`, [
      'policy.yaml:9:24 metrics.open: syntax error: expected `)`, got the end of the expression',
      'policy.yaml:11:11 metrics.digits: syntax error: unexpected `2x`: a name cannot start with a digit',
      'policy.yaml:13:52 rules[0].amount: syntax error: expected a number, a text, a name or `(`, got `*`',
    ]);
  });

  it('reports type errors in expressions and conditions', async () => {
    await expectErrors(`params:
  prices: { type: map, of: money, value: { a: 1 } }
metrics:
  ahead: revenue > plan
rules:
  - id: pay
    kind: commission
    when: { all: [{ fact: prices, operator: greaterThan, value: 1 }] }
    amount: ahead * 2
`, [
      'policy.yaml:15:45 rules[0].when.all[0].operator: `greaterThan` compares numbers, but `prices` is a map',
      'policy.yaml:16:13 rules[0].amount: the left side of `*` must be a number, got a boolean',
    ]);
  });

  it('reports parameters of the wrong shape or out of range, where the value is', async () => {
    await expectErrors(`params:
  rate: { type: rate, value: 1.5 }
  prices: { type: map, of: money, value: [1, 2] }
  awards: { type: list, of: money, value: { first: 100 } }
  days: { type: count, value: 2.5 }
  shares: { type: schedule, value: { 13: { Q1: 1 }, 3: { Q2: 1 } } }
rules:
  - { id: pay, kind: commission, amount: revenue * rate }
`, [
      'policy.yaml:9:30 params.rate.value: expected a rate between 0 and 1, got 1.5',
      'policy.yaml:10:42 params.prices.value: expected a map of amounts of money, got ["1","2"]',
      'policy.yaml:11:43 params.awards.value: expected a list of amounts of money, got {"first":"100"}',
      'policy.yaml:12:31 params.days.value: expected a whole number ≥ 0, got 2.5',
      'policy.yaml:13:42 params.shares.value.13: expected a checkpoint month 1–12, got `13`',
      'policy.yaml:13:62 params.shares.value.3.Q2: quarter Q2 has not started by checkpoint month 3: nothing to return yet',
    ]);
  });

  it('reports gaps and overlaps between tiers', async () => {
    await expectErrors(`params:
  gap:
    type: tiers
    columns: { min: ratio, max: ratio, award: money }
    value:
      - { min: 0, max: 1, award: 10 }
      - { min: 1.1, max: 2, award: 20 }
  overlap:
    type: tiers
    columns: { min: ratio, max: ratio, award: money }
    value:
      - { min: 0, max: 1.5, award: 10 }
      - { min: 1, award: 20 }
  twice:
    type: tiers
    columns: { min: ratio, award: money }
    value: [{ min: 1, award: 10 }, { min: 1, award: 20 }]
rules:
  - { id: pay, kind: bonus, amount: { tier: { table: gap, value: revenue / plan, pay: award } } }
`, [
      'policy.yaml:14:16 params.gap.value[1].min: gap between tier 1 (up to 1) and tier 2 (from 1.1): a value in the gap would silently pay nothing',
      'policy.yaml:20:16 params.overlap.value[1].min: tier 1 ends at 1.5 but tier 2 starts at 1: tiers overlap',
      'policy.yaml:24:43 params.twice.value[1].min: tiers 1 and 2 both start at 1: tiers must not overlap',
    ]);
  });

  it('reports rules in the wrong order, duplicate ids, unknown functions, operators and tables', async () => {
    await expectErrors(`params:
  rate: { type: rate, value: 0.1 }
metrics:
  total: sum(rate, year)
  odd: median(revenue)
rules:
  - { id: early, kind: commission, amount: later * 2 }
  - { id: later, kind: commission, amount: revenue * rate }
  - id: later
    kind: bonus
    when: { all: [{ fact: revenue, operator: bigger, value: 1 }] }
    amount: 1
  - { id: back, kind: refund, amount: { refund: { of: early, schedule: rate } } }
  - { id: tiered, kind: bonus, amount: { tier: { table: bands, value: revenue, pay: award } } }
  - { id: each, kind: bonus, for_each: transactions, amount: 1 }
`, [
      'policy.yaml:11:14 metrics.total: `rate` is a param: only facts and metrics can be taken over a window',
      'policy.yaml:12:8 metrics.odd: unknown function `median`, expected one of `min`, `max`, `floor`, `ceil`, `abs`, `round`, `if`, `len`, `has`, `sum`, `avg`, `every`, `some`',
      'policy.yaml:14:11 rules[0].id: rule `early` reads the line `later`, which comes after it: move `later` above `early`',
      'policy.yaml:16:9 rules[2].id: duplicate rule id `later`: each rule is one statement line',
      'policy.yaml:18:46 rules[2].when.all[0].operator: unknown operator `bigger`, expected one of `equal`, `notEqual`, `lessThan`, ' +
        '`lessThanInclusive`, `greaterThan`, `greaterThanInclusive`, `in`, `notIn`, `contains`, `doesNotContain`',
      'policy.yaml:20:55 rules[3].amount.refund.of: `early` is a commission rule: a refund returns deductions',
      'policy.yaml:20:72 rules[3].amount.refund.schedule: `rate` must be a parameter of type schedule',
      'policy.yaml:21:57 rules[4].amount.tier.table: unknown tier list `bands`: declare it under params with type tiers',
      'policy.yaml:22:40 rules[5].for_each: `for_each: transactions` needs a `transactions` section declaring the transaction fields',
    ]);
  });

  it('reports schema errors: unknown and missing fields, bad enums and names', async () => {
    const run = await validate(`colour: red
rules:
  - id: Pay Me
    kind: payment
    amount: revenue
    frequency: weekly
`);
    expect(run.errors).toEqual([
      'policy.yaml:8:1 colour: unknown field `colour`',
      'policy.yaml:10:9 rules[0].id: `Pay Me` is not valid here: use lowercase letters, digits and `_` or `-`',
      'policy.yaml:11:11 rules[0].kind: expected one of `commission`, `deduction`, `refund`, `bonus`, got `payment`',
      'policy.yaml:13:16 rules[0].frequency: expected one of `monthly`, `quarterly`, `yearly`, got `weekly`',
    ]);
    expect(run.code).toBe(1);
    const missing = await runCli(['validate', tmp.write('no-rules.yaml', 'id: tiny\nname: Tiny\nversion: 1\napplies_to: { channel_type: [rural_contract] }\n')]);
    expect(missing.stderr).toBe(`${tmp.path('no-rules.yaml')}:1:1 missing field \`rules\`\n`);
  });

  it('reports a YAML syntax error with its position', async () => {
    const run = await validate('rules:\n  - { id: pay, kind: commission, amount: revenue\n');
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(/^policy\.yaml:\d+:\d+ yaml: /);
    expect(run.code).toBe(1);
  });

  it('reports every problem of a file at once, in file order, and checks every file given', async () => {
    const bad = tmp.write('many.yaml', `${HEAD}colour: red
params:
  rate: { type: rate, value: 2 }
metrics:
  a: b + 1
  b: a
  c: revenue / plann
rules:
  - { id: pay, kind: commission, amount: revenue * rat }
  - { id: two, kind: bonus, amount: (revenue }
`);
    const run = await runCli(['validate', bad, 'policies/rural-contract.yaml']);
    expect(run.stderr.trimEnd().split('\n').map((l) => l.replace(bad, 'many.yaml'))).toEqual([
      'many.yaml:8:1 colour: unknown field `colour`',
      'many.yaml:10:30 params.rate.value: expected a rate between 0 and 1, got 2',
      'many.yaml:13:6 metrics.b: metrics form a cycle: `a` → `b` → `a`',
      'many.yaml:14:16 metrics.c: unknown name `plann`: not a fact, param, metric or line of this policy; did you mean `plan`?',
      'many.yaml:16:52 rules[0].amount: unknown name `rat`: not a fact, param, metric or line of this policy; did you mean `rate`?',
      'many.yaml:17:45 rules[1].amount: syntax error: expected `)`, got the end of the expression',
    ]);
    expect(run.stdout).toBe('policies/rural-contract.yaml: ok\n');
    expect(run.code).toBe(1);
  });
});

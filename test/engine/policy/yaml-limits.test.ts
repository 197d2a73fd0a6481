// Every YAML construct the parser accepts is read or refused with a located message: alias
// bombs stop at the expansion limit, aliases without anchors and values containing themselves
// are errors at the alias, merging a scalar is an error at the scalar, nesting is bounded, keys
// are names, numbers are decimal and within the limits of written numbers — in a policy and in
// an overrides file alike. None of these throws.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, validatePolicy } from '../../../engine/index.js';
import { ALIAS_BOMB as bomb } from '../../fuzz/mutations.js';

const rural = readFileSync('policies/rural-contract.yaml', 'utf8');
const validate = (text: string, overrides?: string) =>
  validatePolicy({ file: 'p.yaml', text }, overrides === undefined ? {} : { overrides: { file: 'o.yaml', text: overrides } }).map(formatDiagnostic);


describe('YAML aliases, merges and nesting', () => {
  it('stops an alias bomb at the expansion limit, at the alias', () => {
    expect(validate(bomb)).toEqual(['p.yaml:6:8 f[0][2][0][6][0][3]: yaml: aliases expand to more than 100000 values, the limit on alias expansion']);
    expect(validate(rural, bomb)).toEqual(['o.yaml:6:8 f[0][2][0][6][0][3]: yaml: aliases expand to more than 100000 values, the limit on alias expansion']);
  });

  it('refuses an alias with no anchor', () => {
    expect(validate('id: *nothing\n')).toEqual(['p.yaml:1:5 id: yaml: alias `*nothing` has no anchor `&nothing` before it']);
    expect(validate(rural, 'step_rate: *x\n')).toEqual(['o.yaml:1:12 step_rate: yaml: alias `*x` has no anchor `&x` before it']);
  });

  it('refuses a value that contains itself', () => {
    expect(validate('a: &x {b: *x}\n')).toEqual(['p.yaml:1:11 a.b: yaml: alias `*x` is inside the value it names: a value cannot contain itself']);
    expect(validate('a: &x [*x]\n')).toEqual(['p.yaml:1:8 a[0]: yaml: alias `*x` is inside the value it names: a value cannot contain itself']);
    expect(validate('a: &x\n  - b: [1, [*x]]\n')).toEqual(['p.yaml:2:13 a[0].b[1][0]: yaml: alias `*x` is inside the value it names: a value cannot contain itself']);
  });

  it('refuses merging anything but maps', () => {
    expect(validate('a: {<<: 1}\n')).toEqual(['p.yaml:1:9 a: yaml: a merge key `<<` takes a map or a list of maps, got `1`']);
    expect(validate('s: &s text\na: {<<: [*s]}\n')).toEqual(['p.yaml:2:10 a: yaml: a merge key `<<` takes a map or a list of maps, got `text`']);
    expect(validate('l: &l [1]\na: {<<: *l}\n')).toEqual(['p.yaml:2:9 a: yaml: a merge key `<<` takes a map or a list of maps, got a list']);
  });

  it('bounds nesting: deeper than 100 levels is an error at the 101st, far deeper one at the parser', () => {
    expect(validate('['.repeat(150) + ']'.repeat(150))).toEqual(['p.yaml:1:101 [0][0][0][0][0][0][0][0][0][0][0][0]…: yaml: nested more than 100 levels deep, the limit on nesting']);
    const [far] = validate('a: ' + '['.repeat(5000) + ']'.repeat(5000));
    expect(far).toMatch(/^p\.yaml:1:\d+ yaml: the document nests too deeply to read, over the limit of 100 levels$/);
  });

  it('refuses a second document, in words about the file rather than the parser', () => {
    expect(validate('a: 1\n---\nb: 2\n')).toEqual(['p.yaml:2:1 yaml: a file holds one YAML document: remove the `---` that starts a second one']);
  });

  it('refuses keys that are not names', () => {
    expect(validate('? [a, b]\n: c\n')).toEqual(['p.yaml:1:3 yaml: a key must be a name or a number, got a list']);
    expect(validate('a: 1\n? {b: 1}\n: c\n')).toEqual(['p.yaml:2:3 yaml: a key must be a name or a number, got a map']);
    expect(validate('a: &k x\n*k : 1\n')).toEqual(['p.yaml:2:1 yaml: a key must be a name or a number, got an alias']);
  });

  it('refuses numbers that are not decimal, and values of unsupported tags', () => {
    expect(validate(rural.replace('value: 1.50', 'value: 0x1F'))).toEqual(['p.yaml:30:44 params.maintenance_price.value: `0x1F` is not a decimal number: write it as `31`']);
    expect(validate(rural.replace('value: 1.50', 'value: .inf'))).toEqual(['p.yaml:30:44 params.maintenance_price.value: `.inf` is not a number a policy can use: expected a decimal number']);
    expect(validate(rural.replace('value: 1.50', 'value: .nan'))).toEqual(['p.yaml:30:44 params.maintenance_price.value: `.nan` is not a number a policy can use: expected a decimal number']);
    expect(validate(rural.replace('value: 1.50', 'value: !!binary aGVsbG8='))).toEqual(['p.yaml:30:53 params.maintenance_price.value: yaml: `tag:yaml.org,2002:binary` values are not supported here: write text, a decimal number, true or false']);
  });

  it('refuses numbers beyond the limits of written numbers, in the policy and in overrides', () => {
    expect(validate(rural.replace('value: 0.02\n', 'value: 1e-10000\n'))).toEqual(['p.yaml:38:12 params.step_rate.value: `1e-10000` is too precise: over the limit of 30 decimal places']);
    expect(validate(rural.replace('value: 1.50', `value: ${'5'.repeat(5000)}`))).toEqual(['p.yaml:30:44 params.maintenance_price.value: `55555555555555555555…` has 5,000 significant digits, over the limit of 30 digits for a number']);
    expect(validate(rural, 'step_rate: 1e1000000\nfee_rate: 1e-10000\n')).toEqual([
      'o.yaml:1:12 step_rate: `1e1000000` is too large: over the limit of 30 digits before the decimal point',
      'o.yaml:2:11 fee_rate: `1e-10000` is too precise: over the limit of 30 decimal places',
    ]);
  });

  it('refuses an overrides file that is not a map', () => {
    expect(validate(rural, '- a\n- b\n')).toEqual(['o.yaml:1:1 expected a map of parameter name → value']);
    expect(validate(rural, '1_000')).toEqual(['o.yaml:1:1 expected a map of parameter name → value']);
  });

  it('refuses 3,000 nested parentheses and a 5,000-term sum at the expression', () => {
    const expr = (text: string) => validate(rural.replace('expr: revenue_actual / revenue_plan', `expr: ${text}`));
    expect(expr('('.repeat(3000) + 'revenue_actual' + ')'.repeat(3000))).toEqual([
      'p.yaml:63:1011 metrics.completion.expr: syntax error: the expression has more than 1000 tokens, the limit on expression size: split it into metrics',
    ]);
    expect(expr(Array(5000).fill('revenue_actual').join(' + '))).toEqual([
      'p.yaml:63:8511 metrics.completion.expr: syntax error: the expression has more than 1000 tokens, the limit on expression size: split it into metrics',
    ]);
    expect(expr('('.repeat(200) + 'revenue_actual' + ')'.repeat(200))).toEqual([
      'p.yaml:63:111 metrics.completion.expr: syntax error: the expression nests more than 100 levels deep, the limit on expression depth: split it into metrics',
    ]);
  });

  it('refuses tiers whose columns are not a map, without an internal error', () => {
    expect(validate(rural.replace('step: { type: rate,', 'step: { type: tiers, columns: 1_000,'))).toEqual([
      'p.yaml:34:33 params.step.columns: expected a map, got `"1_000"`',
      'p.yaml:34:33 params.step.columns: a tier list needs a `min` column',
      'p.yaml:105:70 rules[3].amount.step_deduction.step: expected a number, but this expression gives a tiers',
    ]);
  });
});

// Names and keys never reach object prototypes: `constructor` is an ordinary name (a metric, a
// map key, a rule id) that validates and settles like any other; `toString` and `__proto__` are
// refused by the naming rule wherever a name is declared, and are unknown keys and parameters
// wherever they are read, in validate, in overrides and in settle alike.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, loadPolicy, settle, validatePolicy } from '../../../engine/index.js';
import { datasetOf, readSource } from '../../fixtures/scenario.js';

const postal = readFileSync('policies/postal-agency.yaml', 'utf8');
const dir = 'data/scenarios/postal-agency';
const input = { payees: readSource(`${dir}/payees.csv`), facts: readSource(`${dir}/facts.csv`) };
const validate = (text: string, overrides?: string) =>
  validatePolicy({ file: 'postal.yaml', text }, overrides === undefined ? {} : { overrides: { file: 'overrides.yaml', text: overrides } }).map(formatDiagnostic);

function lines(text: string) {
  const loaded = loadPolicy({ file: 'postal.yaml', text });
  if (!loaded.ok) throw new Error(loaded.diagnostics.map(formatDiagnostic).join('\n'));
  return settle(loaded.policy, datasetOf(loaded.policy, input)).lines.map((l) => `${l.id} ${l.amount}`);
}

describe('names that are also Object.prototype members', () => {
  it('`card_rate.constructor` is an unknown key at validation, so settlement never sees it', () => {
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      expect(validate(postal.replace('card_rate.mobile * card_sales_mobile', `card_rate.${key} * card_sales_mobile`))).toEqual([
        `postal.yaml:63:13 rules[0].amount: unknown key \`${key}\`, expected one of \`mobile\`, \`unicom\`, \`telecom\``,
      ]);
    }
  });

  it('`constructor` as a metric, a map key or a rule id settles like any other name', () => {
    const metric = postal
      .replace('card_sales: { expr: "card_sales_mobile', 'constructor: { expr: "card_sales_mobile')
      .replace('expr: (card_sales + fees_collected)', 'expr: (constructor + fees_collected)')
      .replace('value: { mobile: 0.025,', 'value: { constructor: 0.5, mobile: 0.025,');
    expect(validate(metric)).toEqual([]);
    expect(lines(metric)).toEqual(lines(postal));
    const rule = postal.replace('  - id: fee_collection', '  - id: constructor');
    expect(validate(rule)).toEqual([]);
    const renamed = lines(rule);
    expect(renamed.filter((l) => l.includes('/constructor ')).length).toBeGreaterThan(0);
    expect(renamed).toEqual(lines(postal).map((l) => l.replace('/fee_collection ', '/constructor ')));
  });

  it('`toString` and `__proto__` are refused as declared names, with the naming rule', () => {
    expect(validate(postal.replace('card_sales: { expr: "card_sales_mobile', 'toString: { expr: "card_sales_mobile'))).toEqual([
      'postal.yaml:52:3 metrics.toString: invalid name `toString`: use lowercase letters, digits and `_`',
      'postal.yaml:55:12 metrics.offset_completion.expr: unknown name `card_sales`: not a fact, param, metric or line of this policy; did you mean `card_rate`?',
    ]);
    expect(validate(postal.replace('  fee_rate: { type: rate', '  __proto__: { type: rate, value: 0.1 }\n  fee_rate: { type: rate'))).toEqual([
      'postal.yaml:40:3 params.__proto__: invalid name `__proto__`: use lowercase letters, digits and `_`',
    ]);
  });

  it('are unknown parameters and keys in an overrides file', () => {
    expect(validate(postal, 'card_rate: { constructor: 0.1, __proto__: 0.2 }\n__proto__: 1\ntoString: 2\nconstructor: { value: 3 }\n')).toEqual([
      'overrides.yaml:1:14 card_rate.constructor: unknown key `constructor` of `card_rate`, expected one of `mobile`, `unicom`, `telecom`',
      'overrides.yaml:1:32 card_rate.__proto__: unknown key `__proto__` of `card_rate`, expected one of `mobile`, `unicom`, `telecom`',
      'overrides.yaml:2:1 __proto__: unknown parameter `__proto__`, expected one of `card_rate`, `number_price`, `fee_rate`, `competition_tiers`',
      'overrides.yaml:3:1 toString: unknown parameter `toString`, expected one of `card_rate`, `number_price`, `fee_rate`, `competition_tiers`',
      'overrides.yaml:4:1 constructor: unknown parameter `constructor`, expected one of `card_rate`, `number_price`, `fee_rate`, `competition_tiers`',
    ]);
  });

  it('never produce `[object Object]` or `undefined` in a message', () => {
    const messages = [
      ...validate(postal.replace('card_sales: { expr: "card_sales_mobile', 'Card_Sales: { expr: "card_sales_mobile')),
      ...validate(postal.replace('  fee_rate: { type: rate, value: 0.003,', '  fee_rate: { value: 0.003,')),
      ...validate(postal.replace('  fee_rate: { type: rate, value: 0.003,', '  FeeRate: { type: rate, value: 0.003,')),
    ];
    expect(messages).toContain('postal.yaml:40:13 params.fee_rate: missing field `type`');
    expect(messages).toHaveLength(5);
    for (const m of messages) expect(m).not.toMatch(/\[object Object\]|`undefined`/);
  });
});

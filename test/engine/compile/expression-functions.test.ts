// What expressions compute, exactly: arithmetic without binary floats, precedence, the
// functions (min, max, floor, ceil, abs, if, len), map keys and list indexes, conditions on
// booleans — each line's amount computed by hand in its comment.
import { describe, expect, it } from 'vitest';
import { settleText } from '../../fixtures/scenario.js';

const policy = (rules: string) => `id: functions
name: Functions
version: 1
applies_to: { channel_type: [rural_contract] }
facts:
  a: { type: number }
  b: { type: number }
params:
  rates: { type: map, of: rate, value: { low: 0.1, high: 0.25 } }
  awards: { type: list, of: money, value: [300, 200, 100] }
rules:
${rules}`;
const FACTS = 'period,payee_id,a,b\n2025-01,W01,0.1,0.2\n';

function amounts(rules: Record<string, string>): Record<string, string | undefined> {
  const yaml = Object.entries(rules).map(([id, amount]) => `  - id: ${id}\n    kind: bonus\n    amount: "${amount}"\n`).join('');
  const statement = settleText(policy(yaml), FACTS);
  return Object.fromEntries(Object.keys(rules).map((id) => [id, statement.lines.find((l) => l.line === id)?.amount]));
}

describe('expressions', () => {
  it('compute exactly, with the usual precedence', () => {
    expect(amounts({
      sum: '(a + b) * 10', //                    (0.1 + 0.2) × 10 = 3 exactly (floats: 3.0000000000000004)
      ratio: '(0.9 - 0.8) / 0.05', //            2 exactly (floats: 1.9999999999999996)
      precedence: '1 + 2 * 3 - 4 / 2', //        1 + 6 − 2 = 5
      left_to_right: '100 - 30 - 20', //         50, not 90
      divide_chain: '120 / 4 / 3', //           10, not 90
      unary: '-a * -10', //                      1
      third: '100 / 3', //                       33.333… → 33.33
      half_cent: '0.005 * 3', //                 0.015 → 0.02 (half-up)
    })).toEqual({ sum: '3.00', ratio: '2.00', precedence: '5.00', left_to_right: '50.00', divide_chain: '10.00', unary: '1.00', third: '33.33', half_cent: '0.02' });
  });

  it('have min, max, floor, ceil, abs, if and len', () => {
    expect(amounts({
      min: 'min(5, a * 100, 7)', //              10 is not the min: 5
      max: 'max(5, a * 100, 7)', //              10
      floor: 'floor(7.99)', //                   7
      ceil: 'ceil(17.2 - 17)', //                1
      floor_negative: 'abs(floor(-2.5))', //     floor(−2.5) = −3, abs 3
      if_true: 'if(a < b, 11, 22)', //           0.1 < 0.2: 11
      if_false: 'if(a > b or b > 1, 11, 22)', // 22
      not: 'if(not (a == b), 4, 0)', //          4
      len: 'len(awards) + len(rates)', //        3 + 2 = 5
    })).toEqual({ min: '5.00', max: '10.00', floor: '7.00', ceil: '1.00', floor_negative: '3.00', if_true: '11.00', if_false: '22.00', not: '4.00', len: '5.00' });
  });

  it('read map keys and list indexes', () => {
    expect(amounts({
      key: 'rates.high * 1000', //               250
      index: 'awards[0] + awards[len(awards) - 1]', // 300 + 100
    })).toEqual({ key: '250.00', index: '400.00' });
  });

  it('report a list index out of range and a division by zero at run time, located at the rule', () => {
    expect(() => amounts({ out: 'awards[3]' })).toThrow('index 3 is outside the list `awards` of 3 (0 to 2)');
    expect(() => amounts({ zero: 'a / (b - 0.2)' })).toThrow('inline.yaml:12:5 rules.zero: cannot settle payee `W01` in 2025-01: division by zero in `a / (b - 0.2)`');
  });
});

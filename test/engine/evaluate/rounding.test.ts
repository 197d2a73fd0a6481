// Each line is rounded once, when produced, with the policy's scale and mode; sums of lines are
// sums of rounded lines. Amounts chosen to sit on halves: 0.125, −0.125 (a deduction), 2.5.
import { describe, expect, it } from 'vitest';
import { settleText } from '../../fixtures/scenario.js';

const policy = (rounding: string) => `id: rounding
name: Rounding
version: 1
applies_to: { channel_type: [rural_contract] }
rounding: ${rounding}
facts:
  v: { type: number }
rules:
  - { id: commission, kind: commission, amount: v }
  - { id: deduction, kind: deduction, amount: v }
`;
const FACTS = 'period,payee_id,v\n2025-01,W01,0.125\n2025-02,W01,0.135\n2025-03,W01,2.5\n';

function amounts(rounding: string): string[] {
  return settleText(policy(rounding), FACTS).lines.map((l) => `${l.period.slice(5)} ${l.line} ${l.amount}`);
}

describe('rounding', () => {
  it.each([
    // mode, 0.125 (+/−), 0.135 (+/−), 2.5 (+/−)
    ['half-up', '0.13', '-0.13', '0.14', '-0.14', '2.50', '-2.50'],
    ['half-even', '0.12', '-0.12', '0.14', '-0.14', '2.50', '-2.50'],
    ['down', '0.12', '-0.12', '0.13', '-0.13', '2.50', '-2.50'],
    ['up', '0.13', '-0.13', '0.14', '-0.14', '2.50', '-2.50'],
  ])('%s to the cent (a deduction is the commission, negated)', (mode, a, b, c, d, e, f) => {
    expect(amounts(`{ scale: 2, mode: ${mode} }`)).toEqual([
      `01 commission ${a}`, `01 deduction ${b}`, `02 commission ${c}`, `02 deduction ${d}`, `03 commission ${e}`, `03 deduction ${f}`,
    ]);
  });

  it('scale 0 rounds to whole yuan, half-even to the even neighbour', () => {
    // 0.125 → 0 and 0.135 → 0: no line; 2.5 → 2 (half-even)
    expect(amounts('{ scale: 0, mode: half-even }')).toEqual(['03 commission 2', '03 deduction -2']);
  });

  it('defaults to half-up to the cent', () => {
    expect(amounts('{}')).toEqual(amounts('{ scale: 2, mode: half-up }'));
  });
});

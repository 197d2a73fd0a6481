// Tier semantics are explicit: `reached` pays the column of the highest tier whose min the value
// reaches (on the whole amount, for `rate` + `base`); `marginal` pays each band's rate on the
// part of the value inside it. Hand-computed for values on and between the bounds.
import { describe, expect, it } from 'vitest';
import { settleText } from '../../fixtures/scenario.js';

const POLICY = `id: tiers
name: Tiers
version: 1
applies_to: { channel_type: [rural_contract] }
facts:
  v: { type: number }
params:
  awards:
    type: tiers
    columns: { min: ratio, award: money }
    value: [{ min: 1.2, award: 3500 }, { min: 1.1, award: 2000 }, { min: 1.0, award: 1000 }]
  bands:
    type: tiers
    columns: { min: number, max: number, rate: rate }
    value:
      - { min: 0, max: 100, rate: 0.01 }
      - { min: 100, max: 200, rate: 0.02 }
      - { min: 200, rate: 0.03 }
rules:
  - id: reached_award
    kind: bonus
    amount: { tier: { table: awards, value: v, pay: award } }
  - id: reached_rate
    kind: bonus
    amount: { tier: { table: bands, value: v, rate: rate, base: v * 100 } }
  - id: marginal
    kind: bonus
    amount: { tier: { table: bands, value: v, mode: marginal, rate: rate } }
`;

const VALUES = ['0.99', '1', '1.15', '1.2', '100', '150', '200', '250'];
const FACTS = ['period,payee_id,v', ...VALUES.map((v, i) => `2025-${String(i + 1).padStart(2, '0')},W01,${v}`)].join('\n');

describe('tiers', () => {
  const statement = settleText(POLICY, FACTS);
  const column = (line: string) => VALUES.map((_, i) => statement.lines.find((l) => l.line === line && l.period === `2025-0${i + 1}`)?.amount ?? '-');

  it('reached pays the highest tier whose min ≤ value, none below the lowest', () => {
    // 0.99 < 1.0: none; 1 reaches 1.0 exactly; 1.15 → 1.1; 1.2 reaches 1.2 exactly; the rest reach 1.2.
    expect(column('reached_award')).toEqual(['-', '1000.00', '2000.00', '3500.00', '3500.00', '3500.00', '3500.00', '3500.00']);
  });

  it('reached with rate and base pays the reached rate on the whole base', () => {
    // 0.99 × 100 × 0.01 = 0.99; 100 reaches band 2: 100 × 100 × 0.02 = 200; 150 × 100 × 0.02 = 300;
    // 200 reaches band 3: 200 × 100 × 0.03 = 600; 250 × 100 × 0.03 = 750.
    expect(column('reached_rate')).toEqual(['0.99', '1.00', '1.15', '1.20', '200.00', '300.00', '600.00', '750.00']);
  });

  it('marginal pays each band on the part inside it', () => {
    // 150: 100 × 0.01 + 50 × 0.02 = 2; 200: 1 + 2 = 3; 250: 1 + 2 + 50 × 0.03 = 4.5; 1.15: 0.0115 → 0.01.
    expect(column('marginal')).toEqual(['0.01', '0.01', '0.01', '0.01', '1.00', '2.00', '3.00', '4.50']);
  });

  it('traces the tier reached and the value that reached it', () => {
    const line = statement.lines.find((l) => l.line === 'reached_award' && l.period === '2025-03')!;
    expect(line.trace.tier).toEqual({ value: '1.15', reached: { min: '1.1', award: '2000' } });
  });
});

// Aggregates over windows of months, and rule frequencies, checked on a payee whose fact `x`
// is the month number (1 in January … 12 in December): every window's value is then a small
// sum computed here by hand.
import { describe, expect, it } from 'vitest';
import { settleText } from '../../fixtures/scenario.js';

const POLICY = `id: windows
name: Windows
version: 1
applies_to: { channel_type: [rural_contract] }
facts:
  x: { type: number }
metrics:
  big: x > 6
  some_big: some(big, year_to_date)
  every_big: every(big, quarter)
rules:
  - { id: month, kind: bonus, amount: 'sum(x, month)' }
  - { id: quarter_to_date, kind: bonus, amount: 'sum(x, quarter_to_date)' }
  - { id: quarter, kind: bonus, amount: 'sum(x, quarter)' }
  - { id: year_to_date, kind: bonus, amount: 'sum(x, year_to_date)' }
  - { id: year, kind: bonus, amount: 'sum(x, year)' }
  - { id: quarter_ends, kind: bonus, amount: 'sum(x, quarter_ends)' }
  - { id: quarter_avg, kind: bonus, amount: 'avg(x, quarter)' }
  - { id: some_big_so_far, kind: bonus, when: { all: [{ fact: some_big, operator: equal, value: true }] }, amount: 1 }
  - { id: every_big_in_quarter, kind: bonus, when: { all: [{ fact: every_big, operator: equal, value: true }] }, amount: 1 }
  - { id: each_quarter_end, kind: bonus, frequency: quarterly, amount: 1 }
  - { id: year_end, kind: bonus, frequency: yearly, amount: 1 }
`;
const FACTS = ['period,payee_id,x', ...Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')},W01,${i + 1}`)].join('\n');

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
const total = (months: number[]) => months.reduce((s, m) => s + m, 0);

describe('windows and frequencies', () => {
  const statement = settleText(POLICY, FACTS);
  const value = (month: number, line: string) =>
    statement.lines.find((l) => l.period === `2025-${String(month).padStart(2, '0')}` && l.line === line)?.amount;

  it.each(range(1, 12))('month %i', (m) => {
    const q0 = m - ((m - 1) % 3); // first month of the quarter
    const expected: Record<string, number | undefined> = {
      month: m,
      quarter_to_date: total(range(q0, m)),
      quarter: total(range(q0, q0 + 2)),
      year_to_date: total(range(1, m)),
      year: 78,
      quarter_ends: total(range(1, m).filter((k) => k % 3 === 0)) || undefined, // 0 in Jan and Feb: no line
      quarter_avg: q0 + 1,
      some_big_so_far: m >= 7 ? 1 : undefined,
      every_big_in_quarter: q0 >= 7 ? 1 : undefined,
      each_quarter_end: m % 3 === 0 ? 1 : undefined,
      year_end: m === 12 ? 1 : undefined,
    };
    for (const [line, amount] of Object.entries(expected)) {
      expect(value(m, line), line).toBe(amount === undefined ? undefined : amount.toFixed(2));
    }
  });

  it('a window reaching a month without facts is a located error', () => {
    const facts = FACTS.split('\n').filter((r) => !r.startsWith('2025-03')).join('\n');
    expect(() => settleText(POLICY, facts, { from: '2025-01', to: '2025-02' }))
      .toThrow('inline.yaml:14:5 rules.quarter: cannot settle payee `W01` in 2025-01: payee `W01` has no facts for 2025-03, needed for `x`');
  });
});

// A yearly cap read from the payee's own earlier lines (封顶): never exceeded, and the same
// whether the year is settled at once or month by month with the earlier months as posted history.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exact, type LedgerLine, type Statement } from '../../../engine/index.js';
import { policyErrors, settleText } from '../../fixtures/scenario.js';

const policy = (cap: number) => `id: cap
name: Cap
version: 1
applies_to: { channel_type: [rural_contract] }
facts:
  pieces: { type: count }
params:
  price: { type: money, value: 12.5 }
  annual_cap: { type: money, value: ${cap} }
metrics:
  paid: sum(wage, earlier_this_year)
rules:
  - id: wage
    kind: commission
    amount: max(0, min(price * pieces, annual_cap - paid))
`;

const facts = (pieces: number[]) => ['period,payee_id,pieces', ...pieces.map((p, i) => `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')},W01,${p}`)].join('\n');
const ledger = (s: Statement): LedgerLine[] => s.lines.map((l) => ({ id: l.id, period: l.period, payeeId: l.payeeId, line: l.line, kind: l.kind, amount: l.amount }));
const wages = (s: Statement) => s.lines.filter((l) => l.line === 'wage').map((l) => `${l.period} ${l.amount}`);

describe('a yearly cap from the payee\'s own lines', () => {
  it('cuts the month that reaches the cap, pays nothing after, and starts again in January', () => {
    // 100 pieces × 12.5 = 1250 a month against a cap of 3000: 1250, 1250, 500, then nothing
    const s = settleText(policy(3000), facts([100, 100, 100, 100, ...Array(8).fill(0), 100, 100, 100, ...Array(9).fill(0)]));
    expect(wages(s)).toEqual(['2025-01 1250.00', '2025-02 1250.00', '2025-03 500.00', '2026-01 1250.00', '2026-02 1250.00', '2026-03 500.00']);
    const march = s.lines.find((l) => l.period === '2025-03')!;
    expect(march.trace.values.paid).toBe('2500');
  });

  it('a month whose earnings are exactly what is left is paid in full and reaches the cap', () => {
    const s = settleText(policy(2500), facts([100, 100, 100, ...Array(9).fill(0)]));
    expect(wages(s)).toEqual(['2025-01 1250.00', '2025-02 1250.00']);
  });

  it('reads a line only over months before this one', () => {
    expect(policyErrors(policy(3000).replace('sum(wage, earlier_this_year)', 'sum(wage, year_to_date)'))).toEqual([
      expect.stringContaining('a line can be read only over months before this one'),
    ]);
  });

  it('is never exceeded, in any split of the range (property)', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 12, maxLength: 12 }),
      fc.integer({ min: 0, max: 20_000 }),
      fc.integer({ min: 1, max: 11 }),
      (pieces, cap, split) => {
        const text = policy(cap);
        const whole = settleText(text, facts(pieces));
        const paid = whole.lines.reduce((sum, l) => sum.add(Exact.parse(l.amount)), Exact.ZERO);
        expect(paid.lte(Exact.of(cap))).toBe(true);
        // month by month, each month reading only the lines posted before it
        const monthly: Statement['lines'] = [];
        for (let m = 1; m <= 12; m++) {
          const period = `2025-${String(m).padStart(2, '0')}`;
          const history = ledger({ ...whole, lines: monthly });
          monthly.push(...settleText(text, facts(pieces), { from: period, to: period, history }).lines);
        }
        expect(monthly.map((l) => `${l.period} ${l.amount}`)).toEqual(wages(whole));
        // two parts split anywhere
        const first = settleText(text, facts(pieces), { from: '2025-01', to: `2025-${String(split).padStart(2, '0')}` });
        const second = settleText(text, facts(pieces), { from: `2025-${String(split + 1).padStart(2, '0')}`, to: '2025-12', history: ledger(first) });
        expect([...wages(first), ...wages(second)]).toEqual(wages(whole));
      }), { numRuns: 40, seed: 15 });
  });
});

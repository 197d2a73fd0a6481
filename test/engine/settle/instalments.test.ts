// Payments spread over later months (佣金分期返还) and clawed back on an early event (离网追扣):
// hand-computed parts, and properties over random sales: a line's parts add up to its total, no
// part is paid in or after its churn month, a clawback takes back exactly what was paid before.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Exact, type Statement } from '../../../engine/index.js';
import { policyErrors, settleText } from '../../fixtures/scenario.js';

const POLICY = readFileSync('policies/instalments.yaml', 'utf8');
const PAYEES = 'payee_id,channel_type\nF01,franchise_store\n';
const months = (n: number) => Array.from({ length: n }, (_, i) => `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
const FACTS = ['period,payee_id,active', ...months(24).map((p) => `${p},F01,1`)].join('\n');
const settleTx = (rows: string[]): Statement => settleText(POLICY, FACTS, {
  payeesCsv: PAYEES, transactionsCsv: ['line_id,payee_id,period,monthly_tariff,contract_months,churned_in', ...rows].join('\n'),
});

describe('instalments and clawbacks', () => {
  it('pays total / parts rounded down, the last part the rest, from the month after the sale', () => {
    // total = 0.10 × 33.33 × 24 = 79.992 → 79.99; parts 13.33 × 5, last 79.99 − 66.65 = 13.34
    const s = settleTx(['T1,F01,2025-01,33.33,36,']);
    expect(s.lines.map((l) => `${l.period} ${l.line} ${l.amount}`)).toEqual([
      '2025-02 instalment 13.33', '2025-03 instalment 13.33', '2025-04 instalment 13.33',
      '2025-05 instalment 13.33', '2025-06 instalment 13.33', '2025-07 instalment 13.34',
    ]);
    expect(s.lines[5].trace.parts).toEqual([{ transaction: 'T1', part: 6, parts: 6, amount: '13.34' }]);
    expect(s.lines[5].explanation).toContain('13.34 (T1 part 6/6)');
  });

  it('stops at the churn month and claws back what was paid when it churns within the window', () => {
    // churn in 2025-04 = M + 3: parts of 02 and 03 were paid (10.00 each of 60.00), clawed back in 04
    const s = settleTx(['T1,F01,2025-01,25,24,2025-04', 'T2,F01,2025-01,25,24,2025-05']);
    expect(s.lines.map((l) => `${l.period} ${l.line} ${l.amount}`)).toEqual([
      '2025-02 instalment 20.00', '2025-03 instalment 20.00', '2025-04 instalment 10.00', '2025-04 clawback -20.00',
    ]);
    const claw = s.lines.find((l) => l.line === 'clawback')!;
    expect(claw.trace.parts?.map((p) => `${p.transaction} ${p.part}/${p.parts} ${p.amount}`)).toEqual(['T1 1/6 10.00', 'T1 2/6 10.00']);
  });

  it('claws back only what was actually paid: a part withheld by the gate is not taken back', () => {
    // parts of 30.00 due in Feb, Mar, Apr; Feb is withheld (active 0); the line churns in April
    const policy = POLICY.replace('    for_each: transactions\n    amount:\n      instalments:', '    gate: { all: [{ fact: active, operator: equal, value: 1 }] }\n    for_each: transactions\n    amount:\n      instalments:')
      .replace('parts: parts', 'parts: 3');
    const facts = 'period,payee_id,active\n2025-01,F01,1\n2025-02,F01,0\n2025-03,F01,1\n2025-04,F01,1\n';
    const s = settleText(policy, facts, {
      payeesCsv: PAYEES, transactionsCsv: 'line_id,payee_id,period,monthly_tariff,contract_months,churned_in\nL1,F01,2025-01,37.5,24,2025-04\n',
    });
    expect(s.lines.map((l) => `${l.period} ${l.line} ${l.amount}`)).toEqual(['2025-03 instalment 30.00', '2025-04 clawback -30.00']);
    expect(s.withheld.map((w) => `${w.period} ${w.line}`)).toEqual(['2025-02 instalment']);
  });

  it('takes back the same when the month is settled alone, with the earlier months as posted history', () => {
    const policy = POLICY.replace('    for_each: transactions\n    amount:\n      instalments:', '    gate: { all: [{ fact: active, operator: equal, value: 1 }] }\n    for_each: transactions\n    amount:\n      instalments:')
      .replace('parts: parts', 'parts: 3');
    const facts = 'period,payee_id,active\n2025-01,F01,1\n2025-02,F01,0\n2025-03,F01,1\n2025-04,F01,1\n';
    const transactionsCsv = 'line_id,payee_id,period,monthly_tariff,contract_months,churned_in\nL1,F01,2025-01,37.5,24,2025-04\n';
    // February posted nothing for F01 (withheld), March posted 30.00: April alone must take back 30.00
    const history = [{ id: 'instalments/F01/2025-03/instalment', period: '2025-03', payeeId: 'F01', line: 'instalment', kind: 'commission' as const, amount: '30.00' }];
    const april = settleText(policy, facts, { payeesCsv: PAYEES, transactionsCsv, from: '2025-02', to: '2025-04' });
    const alone = settleText(policy, facts, { payeesCsv: PAYEES, transactionsCsv, from: '2025-04', to: '2025-04', history: [
      { id: 'instalments/X/2025-02/instalment', period: '2025-02', payeeId: 'X', line: 'instalment', kind: 'commission', amount: '1.00' }, ...history,
    ] });
    expect(alone.lines.map((l) => `${l.period} ${l.line} ${l.amount}`)).toEqual(april.lines.filter((l) => l.period === '2025-04').map((l) => `${l.period} ${l.line} ${l.amount}`));
    expect(alone.lines.map((l) => l.amount)).toEqual(['-30.00']);
  });

  it('rejects keys the primitive does not read and instalments without for_each', () => {
    expect(policyErrors(POLICY.replace('    for_each: transactions\n    amount:\n      instalments:', '    where: { all: [] }\n    for_each: transactions\n    amount:\n      instalments:'))).toEqual([
      expect.stringContaining('`where` is not read with `instalments`: use `paid_while`'),
    ]);
    expect(policyErrors(POLICY.replace('    for_each: transactions\n    amount:\n      instalments:', '    amount:\n      instalments:'))).toEqual([
      expect.stringContaining('`instalments` pays per transaction: add `for_each: transactions` to the rule'),
    ]);
  });

  it('parts add up to the total, none is paid at or after churn, clawbacks equal what was paid (property)', () => {
    const sale = fc.record({
      month: fc.integer({ min: 0, max: 11 }),
      tariff: fc.integer({ min: 1, max: 50_000 }),
      contract: fc.integer({ min: 1, max: 48 }),
      churnAfter: fc.option(fc.integer({ min: 0, max: 14 })),
    });
    fc.assert(fc.property(fc.array(sale, { minLength: 1, maxLength: 8 }), (sales) => {
      const rows = sales.map((x, i) => `T${i},F01,${months(24)[x.month]},${(x.tariff / 100).toFixed(2)},${x.contract},${x.churnAfter === null ? '' : months(30)[x.month + x.churnAfter]}`);
      const s = settleTx(rows);
      const paidParts = s.lines.filter((l) => l.line === 'instalment').flatMap((l) => (l.trace.parts ?? []).map((p) => ({ ...p, period: l.period })));
      const clawed = s.lines.filter((l) => l.line === 'clawback').flatMap((l) => (l.trace.parts ?? []).map((p) => ({ ...p, period: l.period })));
      sales.forEach((x, i) => {
        const id = `T${i}`;
        const mine = paidParts.filter((p) => p.transaction === id);
        const total = Exact.parse('0.1').mul(Exact.of(x.tariff).div(Exact.of(100))).mul(Exact.of(Math.min(x.contract, 24))).round(2, 'half-up');
        const sum = mine.reduce((acc, p) => acc.add(Exact.parse(p.amount)), Exact.ZERO);
        if (x.churnAfter === null) expect(sum.eq(total)).toBe(true);
        else {
          // nothing due in the churn month or later
          for (const p of mine) expect(p.period < months(30)[x.month + x.churnAfter]).toBe(true);
          const back = clawed.filter((p) => p.transaction === id).reduce((acc, p) => acc.add(Exact.parse(p.amount)), Exact.ZERO);
          expect(back.eq(x.churnAfter <= 3 ? sum : Exact.ZERO)).toBe(true);
        }
      });
    }), { numRuns: 60, seed: 21 });
  });
});

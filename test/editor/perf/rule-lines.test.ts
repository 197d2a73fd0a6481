// A run's columns from statements: lines in payee then month order whatever order they arrive
// in, amounts in cents, the bound of absolute amounts, withheld items counted, columns that
// grow past their first size or are made at the size expected, and a helper's half appended.
import { describe, expect, it } from 'vitest';
import type { Statement } from '../../../engine/index.js';
import { RunLinesBuilder } from '../../../editor/src/worker/rule-lines.js';

const line = (payeeId: string, period: string, amount: string) => ({ id: `${period}/${payeeId}/fee`, period, payeeId, policy: 'p', line: 'fee', kind: 'commission' as const, amount, explanation: '' });
const statement = (lines: ReturnType<typeof line>[], withheld = 0) =>
  ({ lines, withheld: Array.from({ length: withheld }, () => ({ ...line('A', '2025-01', '0'), reason: '' })) }) as unknown as Statement;

describe('a run\'s lines as columns', () => {
  it('orders lines by payee, then month, and counts cents, bound and withheld items', () => {
    const index = { payee: new Map([['A', 0], ['B', 1]]), months: new Map<string, number>() };
    const b = new RunLinesBuilder(index, [{ id: 'fee', kind: 'commission' }]);
    b.add(statement([line('B', '2025-02', '-1.5'), line('A', '2025-02', '2.25')], 1));
    b.add(statement([line('B', '2025-01', '3'), line('A', '2025-01', '0.01')], 2));
    const fee = b.done().get('fee')!;
    expect([...fee.payee]).toEqual([0, 0, 1, 1]);
    expect([...fee.month]).toEqual([2025 * 12, 2025 * 12 + 1, 2025 * 12, 2025 * 12 + 1]);
    expect([...fee.cents]).toEqual([1, 225, 300, -150]);
    expect(fee.bound).toBe(676);
    expect(fee.withheld).toBe(3);
  });

  it('keeps every line of a rule with more lines than its first columns hold', () => {
    const ids = Array.from({ length: 3_000 }, (_, i) => `P${i}`);
    const b = new RunLinesBuilder({ payee: new Map(ids.map((id, i) => [id, i])), months: new Map() }, [{ id: 'fee', kind: 'commission' }]);
    b.add(statement(ids.map((id, i) => line(id, '2025-03', `${i}.05`))));
    const fee = b.done().get('fee')!;
    expect(fee.cents.length).toBe(3_000);
    expect(fee.cents[2_999]).toBe(299_905);
    expect(fee.payee[1_500]).toBe(1_500);
  });

  it('makes the columns at the size expected, and appends the lines of the other half after', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `P${i}`);
    const index = { payee: new Map(ids.map((id, i) => [id, i])), months: new Map<string, number>() };
    const half = (from: number, to: number) => ids.slice(from, to).map((id, i) => line(id, '2025-03', `${from + i}.10`));
    const other = new RunLinesBuilder(index, [{ id: 'fee', kind: 'commission' }]);
    other.add(statement(half(6, 10), 1));
    const b = new RunLinesBuilder(index, [{ id: 'fee', kind: 'commission' }, { id: 'bonus', kind: 'bonus' }], new Map([['fee', 10], ['bonus', 0]]));
    b.add(statement(half(0, 6)));
    const payee = (b as unknown as { builders: Map<string, { payee: Int32Array }> }).builders.get('fee')!.payee;
    b.append([...other.done().values()]);
    const run = b.done(), fee = run.get('fee')!;
    expect(fee.payee).toBe(payee); // made once, at its size: never copied
    expect([...fee.payee]).toEqual(ids.map((_, i) => i));
    expect([...fee.cents]).toEqual(ids.map((_, i) => i * 100 + 10));
    expect(fee.withheld).toBe(1);
    expect(fee.bound).toBe(4_600);
    expect(run.get('bonus')!.cents.length).toBe(0);
  });
});

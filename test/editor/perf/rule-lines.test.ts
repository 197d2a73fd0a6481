// A run's columns from statements: lines in payee then month order whatever order they arrive
// in, amounts in cents, the bound of absolute amounts, withheld items counted, columns that
// grow past their first size or are made at the size expected, and a helper's half appended.
import { describe, expect, it } from 'vitest';
import type { StatementColumns } from '../../../engine/index.js';
import { ColumnPool } from '../../../editor/src/worker/column-pool.js';
import { gridColumns, linesExpected, RunLinesBuilder } from '../../../editor/src/worker/rule-lines.js';

const line = (payeeId: string, period: string, amount: string) => ({ payeeId, period, amount });
/** A slice's statement as the engine's columns (rule `fee`; amounts at scale 2 unless `scale`). */
function statement(lines: ReturnType<typeof line>[], withheld = 0, scale = 2): StatementColumns {
  const payeeIds = [...new Set(lines.map((l) => l.payeeId))];
  const units = (a: string) => Math.round(Number(a) * 10 ** scale); // test amounts only: exact at these sizes
  return {
    policy: { id: 'p', version: '1', hash: '' }, from: '2025-01', to: '2025-12', payeeIds, rules: [{ id: 'other', kind: 'bonus' }, { id: 'fee', kind: 'commission' }], scale,
    length: lines.length,
    payee: Int32Array.from(lines, (l) => payeeIds.indexOf(l.payeeId)),
    month: Int32Array.from(lines, (l) => Number(l.period.slice(0, 4)) * 12 + Number(l.period.slice(5)) - 1),
    rule: Uint16Array.from(lines, () => 1),
    units: Float64Array.from(lines, (l) => units(l.amount)),
    wide: new Map(),
    withheld: { length: withheld, payee: new Int32Array(withheld), month: new Int32Array(withheld), rule: new Uint16Array(withheld).fill(1), transaction: new Int32Array(withheld).fill(-1) },
  } as unknown as StatementColumns;
}

describe('a run\'s lines as columns', () => {
  it('orders lines by payee, then month, and counts cents, bound and withheld items', () => {
    const index = { payee: new Map([['A', 0], ['B', 1]]) };
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
    const b = new RunLinesBuilder({ payee: new Map(ids.map((id, i) => [id, i])) }, [{ id: 'fee', kind: 'commission' }]);
    b.add(statement(ids.map((id, i) => line(id, '2025-03', `${i}.05`))));
    const fee = b.done().get('fee')!;
    expect(fee.cents.length).toBe(3_000);
    expect(fee.cents[2_999]).toBe(299_905);
    expect(fee.payee[1_500]).toBe(1_500);
  });

  it('makes the columns at the size expected, and appends the lines of the other half after', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `P${i}`);
    const index = { payee: new Map(ids.map((id, i) => [id, i])) };
    const half = (from: number, to: number) => ids.slice(from, to).map((id, i) => line(id, '2025-03', `${from + i}.10`));
    const other = new RunLinesBuilder(index, [{ id: 'fee', kind: 'commission' }]);
    other.add(statement(half(6, 10), 1));
    const b = new RunLinesBuilder(index, [{ id: 'fee', kind: 'commission' }, { id: 'bonus', kind: 'bonus' }], new Map([['fee', { capacity: 10 }], ['bonus', { capacity: 0 }]]));
    b.add(statement(half(0, 6)));
    const cents = (b as unknown as { builders: Map<string, { cents: Float64Array }> }).builders.get('fee')!.cents;
    b.append([...other.done().values()]);
    const run = b.done(), fee = run.get('fee')!;
    expect(fee.cents.buffer).toBe(cents.buffer); // made once, at its size: never copied
    expect([...fee.payee]).toEqual(ids.map((_, i) => i));
    expect([...fee.cents]).toEqual(ids.map((_, i) => i * 100 + 10));
    expect(fee.withheld).toBe(1);
    expect(fee.bound).toBe(4_600);
    expect(run.get('bonus')!.cents.length).toBe(0);
  });

  it('keeps amounts in 32 bits while every line fits, in 64 from the first that does not, here or in the half appended', () => {
    const index = { payee: new Map([['A', 0], ['B', 1]]) };
    const small = new RunLinesBuilder(index, [{ id: 'fee', kind: 'commission' }]);
    small.add(statement([line('A', '2025-01', '21474836.47'), line('A', '2025-02', '-21474836.48')]));
    const fits = small.done().get('fee')!;
    expect(fits.cents).toBeInstanceOf(Int32Array);
    expect([...fits.cents]).toEqual([2 ** 31 - 1, -(2 ** 31)]);
    const large = new RunLinesBuilder(index, [{ id: 'fee', kind: 'commission' }]);
    large.add(statement([line('A', '2025-01', '1.25'), line('A', '2025-02', '21474836.48'), line('A', '2025-03', '-90000000.01')]));
    const wide = large.done().get('fee')!;
    expect(wide.cents).toBeInstanceOf(Float64Array);
    expect([...wide.cents]).toEqual([125, 2 ** 31, -9_000_000_001]);
    expect(wide.bound).toBe(125 + 2 ** 31 + 9_000_000_001);
    // the other half's 64-bit amounts appended after 32-bit ones
    const other = new RunLinesBuilder(index, [{ id: 'fee', kind: 'commission' }]);
    other.add(statement([line('B', '2025-01', '30000000')]));
    const first = new RunLinesBuilder(index, [{ id: 'fee', kind: 'commission' }]);
    first.add(statement([line('A', '2025-01', '-0.07')]));
    first.append([...other.done().values()]);
    const joined = first.done().get('fee')!;
    expect(joined.cents).toBeInstanceOf(Float64Array);
    expect([...joined.cents]).toEqual([-7, 3_000_000_000]);
  });

  it('reads units of any scale up to cents, and fails on amounts finer than a cent as the amount text does', () => {
    const b = new RunLinesBuilder({ payee: new Map([['A', 0]]) }, [{ id: 'fee', kind: 'commission' }]);
    b.add(statement([line('A', '2025-01', '12'), line('A', '2025-02', '-3')], 0, 0));
    b.add(statement([line('A', '2025-03', '0.5')], 0, 1));
    expect([...b.done().get('fee')!.cents]).toEqual([1200, -300, 50]);
    const fine = statement([line('A', '2025-01', '0.125')], 0, 3);
    expect(() => new RunLinesBuilder({ payee: new Map([['A', 0]]) }, [{ id: 'fee', kind: 'commission' }]).add(fine)).toThrow('the line amount `0.125` has more than two decimals');
  });

  it('a first run compares its columns with a line per payee and month: equal ones are that grid itself', () => {
    const grid = gridColumns([0, 2], '2024-12', '2025-01')!;
    expect([...grid.payee]).toEqual([0, 0, 2, 2]);
    expect([...grid.month]).toEqual([2024 * 12 + 11, 2025 * 12, 2024 * 12 + 11, 2025 * 12]);
    expect(gridColumns([], '2025-01', '2025-12')).toBeUndefined();
    const index = { payee: new Map([['A', 0], ['B', 1], ['C', 2]]) };
    const like = new Map(['fee', 'other'].map((rule) => [rule, { capacity: 4, ...grid }]));
    const b = new RunLinesBuilder(index, [{ id: 'fee', kind: 'commission' }], like);
    b.add(statement([line('A', '2024-12', '1'), line('A', '2025-01', '2'), line('C', '2024-12', '3'), line('C', '2025-01', '4')]));
    const fee = b.done().get('fee')!;
    expect(fee.payee).toBe(grid.payee);
    expect(fee.month).toBe(grid.month);
  });

  it('expects a line per payee and month when no earlier run tells', () => {
    expect(linesExpected(100_000, '2025-01', '2025-12')).toBe(1_200_000);
    expect(linesExpected(10, '2024-11', '2025-02')).toBe(40);
    expect(linesExpected(10, '2025-02', '2024-11')).toBe(1024);
  });
});

describe('columns made again only where they differ, from arrays of runs no longer kept', () => {
  const ids = ['A', 'B', 'C'];
  const index = { payee: new Map(ids.map((id, i) => [id, i])) };
  const months = (lines: ReturnType<typeof line>[]) => statement(lines);
  const grid = (amount: string) => ids.flatMap((id) => [line(id, '2025-01', amount), line(id, '2025-02', amount)]);

  it('keeps the payee and month columns of the run it starts from when every line falls on them', () => {
    const first = new RunLinesBuilder(index, [{ id: 'fee', kind: 'commission' }]);
    first.add(months(grid('1')));
    const kept = first.done().get('fee')!;
    const next = new RunLinesBuilder(index, [{ id: 'fee', kind: 'commission' }], new Map([['fee', { capacity: 6, payee: kept.payee, month: kept.month }]]));
    next.add(months(grid('2')));
    const fee = next.done().get('fee')!;
    expect(fee.payee).toBe(kept.payee);
    expect(fee.month).toBe(kept.month);
    expect([...fee.cents]).toEqual([200, 200, 200, 200, 200, 200]);
  });

  it('makes its own column from the first line that differs, the lines before copied', () => {
    const first = new RunLinesBuilder(index, [{ id: 'fee', kind: 'commission' }]);
    first.add(months(grid('1')));
    const kept = first.done().get('fee')!;
    const next = new RunLinesBuilder(index, [{ id: 'fee', kind: 'commission' }], new Map([['fee', { capacity: 6, payee: kept.payee, month: kept.month }]]));
    next.add(months([...grid('2').slice(0, 3), line('B', '2025-03', '5'), line('C', '2025-01', '1')]));
    const fee = next.done().get('fee')!;
    expect(fee.payee.buffer).toBe(kept.payee.buffer); // its first 5 of 6 values: a view, no copy
    expect([...fee.payee]).toEqual([0, 0, 1, 1, 2]);
    expect([...fee.month]).toEqual([2025 * 12, 2025 * 12 + 1, 2025 * 12, 2025 * 12 + 2, 2025 * 12]);
    expect(fee.month).not.toBe(kept.month);
    expect([...kept.month]).toEqual([0, 1, 0, 1, 0, 1].map((m) => 2025 * 12 + m)); // the kept column is never written
  });

  it('takes its arrays from the pool, and gives them back when the run is given up', () => {
    const pool = new ColumnPool();
    const used = new Int32Array(2_000), payees = new Int32Array(2_000);
    pool.release(used);
    pool.release(payees);
    const b = new RunLinesBuilder(index, [{ id: 'fee', kind: 'commission' }], new Map([['fee', { capacity: 1_900 }]]), 1024, pool);
    b.add(months(grid('3')));
    const fee = b.done().get('fee')!;
    expect(fee.cents.buffer).toBe(used.buffer);
    expect(fee.payee.buffer).toBe(payees.buffer);
    expect([...fee.payee]).toEqual([0, 0, 1, 1, 2, 2]);
    expect(fee.cents).toHaveLength(6);
    const given = new RunLinesBuilder(index, [{ id: 'fee', kind: 'commission' }], new Map([['fee', { capacity: 1_900 }]]), 1024, pool);
    given.add(months(grid('4')));
    const made = (given as unknown as { builders: Map<string, { cents: Int32Array }> }).builders.get('fee')!.cents;
    expect(made.buffer).not.toBe(used.buffer); // `used` is `fee`'s now
    given.discard();
    // its payee, month and amount columns, all 32-bit of one size, are given back
    expect([pool.int32(1_900), pool.int32(1_900), pool.int32(1_900)].map((c) => c.buffer)).toContain(made.buffer);
    // a 32-bit column's buffer of an odd length holds no 64-bit values
    const odd = new Int32Array(2_001);
    pool.release(odd);
    expect(pool.float64(1_000).buffer).not.toBe(odd.buffer);
  });
});

describe('the column pool', () => {
  it('gives back a released buffer for a column it can hold, never one a kept run still holds, nor a view into another column', () => {
    const pool = new ColumnPool();
    const a = new Float64Array(2_000), b = new Int32Array(2_000), c = new Int32Array(2_000);
    pool.releaseUnkept([[a, b, c]], [[c.subarray(0, 10)]]);
    expect(pool.float64(1_990).buffer).toBe(a.buffer); // a few lines fewer than last time
    expect(pool.int32(2_000).buffer).toBe(b.buffer);
    expect(pool.int32(2_000).buffer).not.toBe(c.buffer);
    expect(pool.int32(100).length).toBeGreaterThanOrEqual(100); // nothing kept that small: a new one, with room to spare
    pool.release(new Int32Array(8_000).subarray(1_000, 3_000)); // a view past the start of its buffer: never reused
    expect(pool.int32(2_000).buffer.byteLength).toBeLessThan(32_000);
  });
});

// Totals of parts added together equal the totals of all their lines at once.
import { describe, expect, it } from 'vitest';
import { addTotals, totalsOf } from '../../../engine/index.js';

describe('addTotals', () => {
  it('adds parts exactly, by kind and overall', () => {
    const a = [{ kind: 'commission' as const, amount: '0.10' }, { kind: 'deduction' as const, amount: '-905.38' }];
    const b = [{ kind: 'commission' as const, amount: '0.20' }, { kind: 'refund' as const, amount: '1179.22' }];
    const sum = addTotals([totalsOf(a), totalsOf(b)]);
    expect(sum).toEqual(totalsOf([...a, ...b]));
    expect(sum.byKind.commission).toBe('0.30');
    expect(sum.total).toBe('274.14');
    expect(addTotals([]).total).toBe('0.00');
  });
});

// A new run's payee and month columns equal to columns already kept become the kept ones; others stay.
import { describe, expect, it } from 'vitest';
import type { RuleLines } from '../../../editor/src/worker/rule-lines.js';
import { shareColumns } from '../../../editor/src/worker/shared-columns.js';

const lines = (rule: string, payee: number[], month: number[]): RuleLines =>
  ({ rule, kind: 'commission', payee: Int32Array.from(payee), month: Int32Array.from(month), cents: new Float64Array(payee.length), withheld: 0, bound: 0 });

describe('shared payee and month columns', () => {
  it('keeps one column of equal ones, across runs and rules, and leaves different ones alone', () => {
    const kept = lines('a', [0, 0, 1], [5, 6, 5]);
    const same = lines('a', [0, 0, 1], [5, 6, 5]), sameAgain = lines('b', [0, 0, 1], [5, 6, 6]), other = lines('c', [0, 1], [5, 5]);
    shareColumns([same, sameAgain, other], [kept]);
    expect(same.payee).toBe(kept.payee);
    expect(same.month).toBe(kept.month);
    expect(sameAgain.payee).toBe(kept.payee);
    expect(sameAgain.month).not.toBe(kept.month);
    expect([...sameAgain.month]).toEqual([5, 6, 6]);
    expect(other.payee).not.toBe(kept.payee);
    expect(other.month).not.toBe(kept.month);
    const later = lines('d', [0, 1], [5, 5]);
    shareColumns([later], [other]);
    expect(later.payee).toBe(other.payee);
  });
});

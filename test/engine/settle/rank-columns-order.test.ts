// RankColumns orders entries by the float quotients of their keys first and compares exactly
// only where the floats are equal: random fractions (many ties, near-equal fractions whose
// quotients round to the same float, keys held as BigInt) ordered as a BigInt cross-product
// sort orders them, both directions, ties by entry.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exact } from '../../../engine/index.js';
import { RankColumns } from '../../../engine/settle/rank-columns.js';

const MAX = Number.MAX_SAFE_INTEGER;
const fraction = fc.oneof(
  fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: 1, max: 6 })),
  // a/b and (a+1)/(b+1) near 2^53: their quotients are often the same float
  fc.integer({ min: 0, max: 50 }).map((k) => [MAX - 100 + k, MAX - 99 + (k % 3)] as [number, number]),
  fc.tuple(fc.integer({ min: -MAX, max: MAX }), fc.integer({ min: 1, max: MAX })),
);
const big = fc.constantFrom('98765432109876543210', '-12345678901234567890123', '9007199254740993');

const cmp = (x: Exact, y: Exact) => x.cmp(y);

describe('RankColumns.order', () => {
  it('orders as exact comparisons do, key by key, ties by entry', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.oneof(fraction.map(([n, d]) => Exact.ratio(n, d)), big.map((t) => Exact.parse(t))), fraction.map(([n, d]) => Exact.ratio(n, d))), { minLength: 1, maxLength: 60 }), fc.boolean(), (rows, desc) => {
      const columns = new RankColumns(2, rows.length);
      rows.forEach(([a, b], i) => { columns.set(i, 0, a); columns.set(i, 1, b); });
      const sign = desc ? -1 : 1;
      const expected = rows.map((_, i) => i).sort((i, j) => sign * cmp(rows[i][0], rows[j][0]) || cmp(rows[i][1], rows[j][1]) || i - j);
      const got = columns.order(Int32Array.from(rows, (_, i) => i), [desc, false], (i, j) => i - j);
      expect([...got]).toEqual(expected);
    }), { numRuns: 400 });
  });
});

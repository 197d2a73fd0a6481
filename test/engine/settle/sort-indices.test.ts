// Entry indices sorted by a comparator (the ranking's months) against `Array.prototype.sort`,
// which is stable: random keys with many ties, lengths around the insertion runs (16) and
// merge widths, empty and single entries.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortIndices } from '../../../engine/settle/sort-indices.js';

describe('sortIndices', () => {
  it('orders as a stable Array.prototype.sort does, ties in their first order', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 7 }), { maxLength: 300 }), fc.boolean(), (keys, desc) => {
      const cmp = (i: number, j: number) => (desc ? keys[j] - keys[i] : keys[i] - keys[j]);
      // entries in a shuffled order, so that stability is seen on indices that are not sorted
      const entries = keys.map((_, i) => (i * 7) % keys.length).filter((v, i, a) => a.indexOf(v) === i);
      const expected = [...entries].sort(cmp);
      expect([...sortIndices(Int32Array.from(entries), cmp)]).toEqual(expected);
    }), { numRuns: 500 });
  });

  it('sorts in place at every length around the runs and merge widths', () => {
    for (const n of [0, 1, 2, 15, 16, 17, 31, 32, 33, 64, 65, 1000]) {
      const keys = Array.from({ length: n }, (_, i) => (i * 7919) % 101);
      const entries = Int32Array.from(keys, (_, i) => i);
      const sorted = sortIndices(entries, (i, j) => keys[i] - keys[j]);
      expect(sorted).toBe(entries);
      expect([...sorted]).toEqual([...Array(n).keys()].sort((i, j) => keys[i] - keys[j]));
    }
  });
});

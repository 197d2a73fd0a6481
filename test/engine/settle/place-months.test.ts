// A payee's places read from the rank pass's columns (PlaceMonths) behave as the Map of its
// months filled at once: the same `get` and `has` for ranked, unranked and unknown months, the
// same size and entries in month order, one shared map per tuple of places, and writes seen.
import { describe, expect, it } from 'vitest';
import { PlaceMonths, PlaceTable } from '../../../engine/settle/place-months.js';

const MONTHS = [24300, 24301, 24302, 24303];
// two payees × four months, two rank metrics; payee 1 has no facts (place 0) in its third month
const A = Int32Array.from([1, 2, 2, 1, 2, 1, 0, 2]);
const B = Int32Array.from([2, 1, 1, 2, 1, 2, 0, 1]);

function filled(row: number) {
  const m = new Map<number, Map<string, number>>();
  MONTHS.forEach((month, mi) => {
    const at = row * MONTHS.length + mi;
    if (A[at]) m.set(month, new Map([['a', A[at]], ['b', B[at]]]));
  });
  return m;
}

describe('PlaceMonths', () => {
  const table = () => new PlaceTable(['a', 'b'], [A, B], MONTHS);

  it('reads each month as the filled Map does', () => {
    const t = table();
    for (const row of [0, 1]) {
      const lean = new PlaceMonths(t, row), full = filled(row);
      for (const m of [...MONTHS, MONTHS[0] - 1, MONTHS[3] + 1, 0]) {
        expect(lean.get(m)).toEqual(full.get(m));
        expect(lean.has(m)).toBe(full.has(m));
      }
      expect(lean.size).toBe(full.size);
      expect([...lean]).toEqual([...full]);
      expect([...lean.keys()]).toEqual([...full.keys()]);
    }
  });

  it('shares one map among payee-months with the same places', () => {
    const t = table();
    const [p0, p1] = [new PlaceMonths(t, 0), new PlaceMonths(t, 1)];
    expect(p0.get(MONTHS[0])).toBe(p1.get(MONTHS[1])); // places 1 and 2 both
    expect(p0.get(MONTHS[1])).toBe(p0.get(MONTHS[2]));
    expect(p0.get(MONTHS[0])).not.toBe(p0.get(MONTHS[1]));
  });

  it('reads one rank metric as the filled Map does, one map per place', () => {
    const t = new PlaceTable(['a'], [A], MONTHS);
    for (const row of [0, 1]) {
      const lean = new PlaceMonths(t, row);
      const full = new Map([...filled(row)].map(([m, v]) => [m, new Map([['a', v.get('a')]])]));
      expect([...lean]).toEqual([...full]);
      for (const m of [...MONTHS, MONTHS[3] + 1]) expect(new PlaceMonths(t, row).get(m)).toEqual(full.get(m));
    }
    expect(new PlaceMonths(t, 0).get(MONTHS[0])).toBe(new PlaceMonths(t, 1).get(MONTHS[1]));
  });

  it('keeps what is set or deleted, as a Map', () => {
    const lean = new PlaceMonths(table(), 1), full = filled(1);
    const extra = new Map([['a', 9]]);
    lean.set(MONTHS[2], extra);
    full.set(MONTHS[2], extra);
    lean.delete(MONTHS[0]);
    full.delete(MONTHS[0]);
    expect([...lean]).toEqual([...full]);
    expect(lean.get(MONTHS[2])).toBe(extra);
    expect(lean.has(MONTHS[0])).toBe(false);
    lean.clear();
    expect(lean.size).toBe(0);
    expect(lean.get(MONTHS[1])).toBeUndefined();
  });
});

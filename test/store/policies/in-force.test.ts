// Which approved version is in force in a month: the latest effective month not after it; of two
// from the same month, the later approval; the months of a range grouped by it.
import { describe, expect, it } from 'vitest';
import { inForce, spansOf } from '../../../store/policies/in-force.js';
import type { ApprovedVersion } from '../../../store/policies/types.js';

const v = (version: string, effectiveFrom: string | null, approvedSeq: number): ApprovedVersion => ({ version, sourceHash: `h${version}`, effectiveFrom, approvedSeq });

describe('the approved version in force', () => {
  const approved = [v('1', null, 3), v('2', '2025-07', 6), v('2b', '2025-07', 9), v('3', '2025-10', 12)];

  it('is the one with the latest effective month not after the month; a later approval from the same month wins', () => {
    expect(inForce(approved, '2025-01')?.version).toBe('1');
    expect(inForce(approved, '2025-06')?.version).toBe('1');
    expect(inForce(approved, '2025-07')?.version).toBe('2b');
    expect(inForce(approved, '2025-09')?.version).toBe('2b');
    expect(inForce(approved, '2026-01')?.version).toBe('3');
    expect(inForce([v('2', '2025-07', 1)], '2025-06')).toBeUndefined();
  });

  it('groups a range into spans of one version, a month without one included', () => {
    const months = ['2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10'];
    expect(spansOf(approved, months).map((s) => `${s.version?.version} ${s.from} ${s.to}`)).toEqual(['1 2025-05 2025-06', '2b 2025-07 2025-09', '3 2025-10 2025-10']);
    expect(spansOf([v('2', '2025-07', 1)], months).map((s) => `${s.version?.version} ${s.from} ${s.to}`)).toEqual(['undefined 2025-05 2025-06', '2 2025-07 2025-10']);
  });
});

// The bench keeps each timed run as a fingerprint of its lines and compares fingerprints: one
// cent, one line more or the same lines in another order must be told apart or not, as they should.
import { describe, expect, it } from 'vitest';
import { type BenchLine, fingerprint } from '../../bench/bench-line.js';

const line = (payeeId: string, line: string, amount: string): BenchLine => ({ period: '2025-01', payeeId, line, amount });
const lines = [line('P1', 'maintenance', '10.00'), line('P1', 'development', '5.50'), line('P2', 'maintenance', '-0.01')];

describe('a fingerprint of a run', () => {
  it('is the same for the same lines in any order', () => {
    expect(fingerprint([...lines].reverse())).toEqual(fingerprint(lines));
  });
  it('differs by one cent, by a line more or less, and by a line of another payee', () => {
    const base = fingerprint(lines).digest;
    expect(fingerprint([lines[0], lines[1], line('P2', 'maintenance', '-0.02')]).digest).not.toBe(base);
    expect(fingerprint(lines.slice(1)).digest).not.toBe(base);
    expect(fingerprint([...lines, lines[2]]).digest).not.toBe(base);
    expect(fingerprint([lines[0], lines[1], line('P3', 'maintenance', '-0.01')]).digest).not.toBe(base);
    expect(fingerprint(lines).count).toBe(3);
  });
});

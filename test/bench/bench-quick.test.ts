// `npm run bench -- --quick` end to end at small sizes: the three implementations of the rural
// policy agree on every line to the cent, and the settle runs in child processes complete.
// Timings are printed by the bench, never asserted.
import { describe, expect, it } from 'vitest';
import { QUICK, runBench } from '../../bench/run-bench.js';

describe('bench, quick mode', () => {
  it('Ratecard, json-rules-engine and the hand-written function agree on every line', async () => {
    const printed: string[] = [];
    const result = await runBench(QUICK, (line) => printed.push(line));
    expect(result.rural.disagreements).toEqual([]);
    expect(result.agree).toBe(true);
    expect(result.rural.linesCompared.all).toBeGreaterThan(QUICK.payees * 12);
    expect(result.rural.linesCompared.sample).toBeGreaterThan(QUICK.sample * 12);
    expect(result.rss.map((r) => r.payees)).toEqual(QUICK.rss);
    expect(result.privateLine.payees).toBe(QUICK.branches);
    expect(printed.join('\n')).toMatch(/Ratecard \/ json-rules-engine +\d/);
  }, 240_000);
});

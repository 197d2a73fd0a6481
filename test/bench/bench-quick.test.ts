// `npm run bench -- --quick` end to end at small sizes: Ratecard, the hand-written functions
// (Exact and exact integers) and json-rules-engine agree on every line to the cent, for the
// rural and the private-line policy, the settle runs in child processes complete, and every
// target of issue 13 is printed with its figure. Timings are printed, never asserted.
import { describe, expect, it } from 'vitest';
import { QUICK, runBench } from '../../bench/run-bench.js';

describe('bench, quick mode', () => {
  it('every implementation agrees on every line, and every target is printed', async () => {
    const printed: string[] = [];
    const result = await runBench(QUICK, (line) => printed.push(line));
    expect(result.rural.disagreements).toEqual([]);
    expect(result.privateLineCompared.disagreements).toEqual([]);
    expect(result.agree).toBe(true);
    expect(result.rural.linesCompared.all).toBeGreaterThan(QUICK.payees * 12);
    expect(result.rural.linesCompared.sample).toBeGreaterThan(QUICK.sample * 12);
    expect(result.privateLineCompared.transactions).toBe(QUICK.transactions);
    expect(result.privateLineCompared.linesCompared).toBeGreaterThan(QUICK.compared * 12);
    expect(result.rss.map((r) => r.payees)).toEqual(QUICK.rss);
    expect(result.privateLine.payees).toBe(QUICK.branches);
    const text = printed.join('\n');
    expect(result.targets).toHaveLength(8);
    for (const t of result.targets) {
      expect(text).toContain(t.name);
      if (t.met === undefined) expect(text).toMatch(new RegExp(`${t.target} +measured by the browser test`));
      else expect(t.figure).toMatch(/^\d+(\.\d+)?×$/);
    }
    expect(text).toMatch(/rural: Ratecard \(amounts\) \/ hand-written exact integers +\d+\.\d+× +≥ 0\.5× +(met|NOT met)/);
  }, 240_000);
});

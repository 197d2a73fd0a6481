// A random policy and its random data, read, from one seed (test/engine/codegen/random-policy.ts):
// what the tests that run random policies through two paths start from.
import { expect } from 'vitest';
import { type CompiledPolicy, type Dataset, formatDiagnostic, loadPolicy, RatecardError, readDataset } from '../../../engine/index.js';
import { mulberry32, randomData, randomPolicy } from '../codegen/random-policy.js';

export function randomInput(seed: number, payees = 4): { policy: CompiledPolicy; dataset: Dataset } {
  const r = mulberry32(seed);
  const loaded = loadPolicy({ file: 'random.yaml', text: randomPolicy(r) });
  if (!loaded.ok) throw new Error(loaded.diagnostics.map(formatDiagnostic).join('\n'));
  const data = randomData(r, payees);
  const read = readDataset({
    payees: { file: 'payees.csv', text: data.payees }, facts: { file: 'facts.csv', text: data.facts },
    transactions: { file: 'transactions.csv', text: data.transactions },
  }, loaded.policy);
  if (!read.ok) throw new Error(read.diagnostics.map(formatDiagnostic).join('\n'));
  return { policy: loaded.policy, dataset: read.dataset };
}

/** How a run fails: its located diagnostics, or '' when it settles. */
export function failureOf(run: () => unknown): string {
  try { run(); return ''; } catch (f) { return f instanceof RatecardError ? f.diagnostics.map(formatDiagnostic).join('\n') : String(f); }
}

/**
 * `check` on the random inputs of seeds 1 to `count`, its counts summed; where settling fails,
 * it must fail alike in each of `ways` (the ways the test compares).
 */
export function eachRandomInput(count: number, check: (policy: CompiledPolicy, dataset: Dataset) => number, ways: ((policy: CompiledPolicy, dataset: Dataset) => unknown)[]): number {
  let sum = 0;
  for (let seed = 1; seed <= count; seed++) {
    const { policy, dataset } = randomInput(seed);
    try {
      sum += check(policy, dataset);
    } catch (e) {
      if (!(e instanceof RatecardError)) throw e;
      const failures = ways.map((way) => failureOf(() => way(policy, dataset)));
      expect(new Set(failures).size, `seed ${seed}`).toBe(1);
    }
  }
  return sum;
}

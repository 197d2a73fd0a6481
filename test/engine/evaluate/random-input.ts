// A random policy and its random data, read, from one seed (test/engine/codegen/random-policy.ts):
// what the tests that run random policies through two paths start from.
import { type CompiledPolicy, type Dataset, formatDiagnostic, loadPolicy, readDataset } from '../../../engine/index.js';
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

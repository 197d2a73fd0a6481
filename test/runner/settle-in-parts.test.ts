// A run in parts over worker threads writes the same bytes as an in-memory run, for every
// scenario (ranks included), whatever the number of workers and the part size.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy, readDataset, settle, statementToCsv, type SourceText } from '../../engine/index.js';
import { settleInParts } from '../../runner/settle-in-parts.js';

const scenarios = ['rural-contract', 'postal-agency', 'service-center', 'private-line'];
const read = (file: string): SourceText => ({ file, text: readFileSync(file, 'utf8') });
const filesOf = (name: string) => {
  const dir = `data/scenarios/${name}`;
  const tx = `${dir}/transactions.csv`;
  return { payees: `${dir}/payees.csv`, facts: `${dir}/facts.csv`, transactions: readdirSync(dir).includes('transactions.csv') ? tx : undefined };
};

function inMemory(name: string): string {
  const loaded = loadPolicy(read(`policies/${name}.yaml`));
  if (!loaded.ok) throw new Error('policy');
  const f = filesOf(name);
  const ds = readDataset({ payees: read(f.payees), facts: read(f.facts), transactions: f.transactions ? read(f.transactions) : undefined }, loaded.policy);
  if (!ds.ok) throw new Error('dataset');
  return statementToCsv(settle(loaded.policy, ds.dataset), { withheld: true });
}

describe('settleInParts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ratecard-parts-'));
  for (const name of scenarios) {
    for (const workers of [1, 2]) {
      it(`${name}: ${workers} worker(s), 2 payees per part, same bytes as in memory`, async () => {
        const out = join(dir, `${name}-${workers}.csv`);
        const summary = await settleInParts({
          policy: read(`policies/${name}.yaml`), files: filesOf(name), workers, payeesPerPart: 2, format: 'csv', withheld: true, out,
        });
        expect(summary.parts).toBeGreaterThan(1);
        expect(readFileSync(out, 'utf8')).toBe(inMemory(name));
        expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      });
    }
  }

  it('reports a data error with the line of the original file and writes nothing', async () => {
    const out = join(dir, 'bad.csv');
    const bad = join(dir, 'facts-bad.csv');
    const text = readFileSync('data/scenarios/rural-contract/facts.csv', 'utf8').replace('2025-03,R01,83000,87316', '2025-03,R01,83000,87x16');
    (await import('node:fs')).writeFileSync(bad, text);
    await expect(settleInParts({
      policy: read('policies/rural-contract.yaml'), files: { payees: 'data/scenarios/rural-contract/payees.csv', facts: bad }, workers: 2, payeesPerPart: 2, format: 'csv', out,
    })).rejects.toThrow(/facts-bad\.csv:4:19 revenue_actual: expected an amount of money, got `87x16`/);
    expect(readdirSync(dir).some((f) => f === 'bad.csv' || f.includes('bad.csv.'))).toBe(false);
  });
});

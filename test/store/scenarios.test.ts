// Every acceptance scenario settled into the store month by month, closing each month: the
// statement read back is byte for byte what one in-memory settle of the whole range writes.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPolicy, readDataset, settle, statementToCsv } from '../../engine/index.js';
import { BACKENDS, openBook } from './backends.js';
import { read } from './book-fixture.js';

for (const backend of BACKENDS) for (const name of ['postal-agency', 'service-center', 'private-line', 'bonus-pool', 'piece-rate', 'instalments']) {
  describe(`${name} month by month with closes (${backend.kind})`, () => {
    it('reads back exactly the statement of the whole range', async () => {
      const dir = `data/scenarios/${name}`;
      const dataset = {
        payees: read(`${dir}/payees.csv`),
        facts: read(`${dir}/facts.csv`),
        transactions: existsSync(`${dir}/transactions.csv`) ? read(`${dir}/transactions.csv`) : undefined,
      };
      const policy = read(`policies/${name}.yaml`);
      const periods = [...new Set(dataset.facts.text.split('\n').slice(1).filter(Boolean).map((l) => l.slice(0, 7)))].sort();
      const { book } = await openBook(backend);
      for (const period of periods) {
        await book.run({ policy, dataset, from: period, to: period, startedBy: 'tester' });
        await book.close(name, period, 'tester');
      }
      const loaded = loadPolicy(policy);
      if (!loaded.ok) throw new Error('policy does not load');
      const data = readDataset(dataset, loaded.policy);
      if (!data.ok) throw new Error('dataset does not load');
      const expected = statementToCsv(settle(loaded.policy, data.dataset, { detail: 'explanation' }));
      expect(expected.split('\n').length).toBeGreaterThan(2);
      expect(await book.statementCsv({ policyId: name })).toBe(expected);
      await book.shutdown();
    });
  });
}

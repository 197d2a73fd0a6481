// Withheld reasons made when first read (`lazyReasons`, issue 13.3; the default outside `trace`
// detail) are the eager ones: read
// after the whole run (when the payee's later months have changed its state), as text, as a
// message and in JSON, on the bundled scenarios and on random policies whose gates nest
// all / any / not / named conditions.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CompiledPolicy, type Dataset, formatDiagnostic, loadPolicy, RatecardError, readDataset, settle } from '../../../engine/index.js';
import { SCENARIOS, filesOf, readSource } from '../../fixtures/scenario.js';
import { mulberry32, randomData, randomPolicy } from './random-policy.js';

function same(policy: CompiledPolicy, dataset: Dataset) {
  for (const detail of ['amounts', 'explanation'] as const) {
    const eager = settle(policy, dataset, { detail, lazyReasons: false });
    const lazy = settle(policy, dataset, { detail, lazyReasons: true });
    expect(lazy.withheld.map((w) => w.reason)).toEqual(eager.withheld.map((w) => w.reason));
    expect(lazy.withheld.map((w) => w.reasonMessage)).toEqual(eager.withheld.map((w) => w.reasonMessage));
    expect(JSON.stringify(lazy)).toBe(JSON.stringify(eager));
    // the default outside `trace` detail: made when read
    const byDefault = settle(policy, dataset, { detail });
    const made = (s: typeof eager) => s.withheld.filter((w) => Object.hasOwn(w, 'reason')).length;
    expect(made(byDefault)).toBe(made(lazy));
    expect(JSON.stringify(byDefault)).toBe(JSON.stringify(eager));
  }
  return settle(policy, dataset, { detail: 'amounts' }).withheld.length;
}

describe('withheld reasons made when read', () => {
  for (const name of SCENARIOS) {
    it(`are the eager ones on the ${name} scenario`, () => {
      const loaded = loadPolicy(readSource(`policies/${name}.yaml`));
      if (!loaded.ok) throw new Error(loaded.diagnostics.map(formatDiagnostic).join('\n'));
      const files = filesOf(`data/scenarios/${name}`);
      const read = readDataset({
        payees: { file: files.payees, text: readFileSync(files.payees, 'utf8') },
        facts: { file: files.facts, text: readFileSync(files.facts, 'utf8') },
        ...(files.transactions ? { transactions: { file: files.transactions, text: readFileSync(files.transactions, 'utf8') } } : {}),
      }, loaded.policy);
      if (!read.ok) throw new Error(read.diagnostics.map(formatDiagnostic).join('\n'));
      same(loaded.policy, read.dataset);
    });
  }

  it('are the eager ones on random policies with nested gates', () => {
    let withheld = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const r = mulberry32(seed);
      const loaded = loadPolicy({ file: 'random.yaml', text: randomPolicy(r) });
      if (!loaded.ok) throw new Error(loaded.diagnostics.map(formatDiagnostic).join('\n'));
      const data = randomData(r, 4);
      const read = readDataset({
        payees: { file: 'payees.csv', text: data.payees }, facts: { file: 'facts.csv', text: data.facts },
        transactions: { file: 'transactions.csv', text: data.transactions },
      }, loaded.policy);
      if (!read.ok) throw new Error(read.diagnostics.map(formatDiagnostic).join('\n'));
      try {
        withheld += same(loaded.policy, read.dataset);
      } catch (e) {
        if (!(e instanceof RatecardError)) throw e; // a run that fails fails alike: the differential test checks that
      }
    }
    expect(withheld).toBeGreaterThan(20);
  }, 120_000);
});

// The seven acceptance scenarios, end to end through the built CLI, exactly as a tester runs
// them: `ratecard settle` then the scenario's compare-statement tool.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const scenarios = ['rural-contract', 'postal-agency', 'service-center', 'private-line', 'bonus-pool', 'piece-rate', 'instalments'];

describe('acceptance scenarios through the CLI', () => {
  const out = mkdtempSync(join(tmpdir(), 'ratecard-acceptance-'));
  it('has a built CLI (npm test builds it first)', () => {
    expect(existsSync('dist/cli/main.js'), 'run `npm run build` first').toBe(true);
  });
  for (const name of scenarios) {
    for (const workers of ['0', '2']) {
      it(`${name} reproduces expected.csv to the cent (${workers === '0' ? 'in memory' : 'in parts over 2 workers'})`, () => {
        const dir = `data/scenarios/${name}`;
        const file = join(out, `${name}-${workers}.csv`);
        const tx = existsSync(`${dir}/transactions.csv`) ? ['--transactions', `${dir}/transactions.csv`] : [];
        const run = spawnSync('node', ['bin/ratecard.js', 'settle', '--policy', `policies/${name}.yaml`, '--payees', `${dir}/payees.csv`,
          '--facts', `${dir}/facts.csv`, ...tx, '--workers', workers, '--out', file], { encoding: 'utf8' });
        expect(run.stderr).not.toMatch(/error/i);
        expect(run.status).toBe(0);
        const compared = execFileSync('node', ['test/tools/compare-statement.mjs', file, `${dir}/expected.csv`], { encoding: 'utf8' });
        expect(compared).toMatch(/(\d+) of \1 expected rows match; 0 problems/);
      });
    }
  }
});

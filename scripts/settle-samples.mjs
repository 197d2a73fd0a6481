#!/usr/bin/env node
// `npm run samples`: settle the seven bundled policies over their sample data into out/, through
// the CLI as a tester would, and compare each statement with the scenario's expected one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const scenarios = ['rural-contract', 'postal-agency', 'service-center', 'private-line', 'bonus-pool', 'piece-rate', 'instalments'];
let failed = 0;
for (const name of scenarios) {
  const dir = `data/scenarios/${name}`;
  const out = `out/${name}-statement.csv`;
  const tx = existsSync(`${dir}/transactions.csv`) ? ['--transactions', `${dir}/transactions.csv`] : [];
  const run = spawnSync(process.execPath, ['bin/ratecard.js', 'settle', '--policy', `policies/${name}.yaml`,
    '--payees', `${dir}/payees.csv`, '--facts', `${dir}/facts.csv`, ...tx, '--out', out], { encoding: 'utf8' });
  process.stdout.write(`${name}: ${run.stderr.trim()}\n`);
  if (run.status !== 0) { failed++; continue; }
  const compare = spawnSync(process.execPath, ['test/tools/compare-statement.mjs', out, `${dir}/expected.csv`], { encoding: 'utf8' });
  process.stdout.write(`  expected.csv: ${compare.stdout.trim().split('\n').pop()}\n`);
  if (compare.status !== 0) failed++;
}
process.stdout.write(failed ? `${failed} scenario(s) failed\n` : 'all seven statements match their expected.csv to the cent; see out/\n');
process.exitCode = failed ? 1 : 0;

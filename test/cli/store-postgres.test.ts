// `ratecard run | close | statement | verify --db postgres://…` against a real PostgreSQL server
// (when RATECARD_TEST_PG is set): a quarter month by month with closes reads back byte for byte
// what `ratecard settle` writes, and the seals verify.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runCli, settleArgs } from '../fixtures/run-cli.js';

const url = process.env.RATECARD_TEST_PG;
const RURAL = 'data/scenarios/rural-contract';

describe.skipIf(!url)('ratecard run, close, statement and verify on PostgreSQL', () => {
  it('settle a quarter month by month into exactly what `ratecard settle` writes, and verify it', async () => {
    const db = `${url}${url?.includes('?') ? '&' : '?'}schema=cli_${randomBytes(6).toString('hex')}`;
    const name = (() => { const u = new URL(db); return `${u.protocol}//${u.host}${u.pathname}`; })();
    for (const period of ['2025-01', '2025-02', '2025-03']) {
      const run = await runCli(['run', '--db', db, '--policy', 'policies/rural-contract.yaml', '--payees', `${RURAL}/payees.csv`,
        '--facts', `${RURAL}/facts.csv`, '--from', period, '--to', period, '--by', 'clerk']);
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(new RegExp(`^run-\\d{6}: rural-contract ${period} posted \\d+ lines and 0 adjustments, total -?\\d+\\.\\d\\d → ${new URL(db).host}\\n$`));
      expect((await runCli(['close', '--db', db, '--policy-id', 'rural-contract', '--period', period])).code).toBe(0);
    }
    const statement = await runCli(['statement', '--db', db, '--policy-id', 'rural-contract']);
    const settled = await runCli([...settleArgs('rural-contract'), '--from', '2025-01', '--to', '2025-03']);
    expect(statement.stdout).toBe(settled.stdout);
    expect((await runCli(['verify', '--db', db])).stdout).toMatch(/^verified 3 closed periods\n/);
    const again = await runCli(['close', '--db', db, '--policy-id', 'rural-contract', '--period', '2025-03']);
    expect(again.stderr).toBe(`${name}:1:1 period: period \`2025-03\` of \`rural-contract\` is already closed\n`);
    expect(again.code).toBe(1);
  });
});

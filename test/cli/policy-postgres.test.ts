// `ratecard policy` and `ratecard run --policy-id` with the registry in PostgreSQL (when
// RATECARD_TEST_PG is set): the same process, messages naming the store without its password,
// the same exit codes.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runCli, scratch } from '../fixtures/run-cli.js';
import { RURAL, V2 } from '../store/policies/amendment.js';

const url = process.env.RATECARD_TEST_PG;

describe.skipIf(!url)('ratecard policy on PostgreSQL', () => {
  it('submits, refuses self-approval (exit 3), approves, and posts a year under each month\'s version', async () => {
    const db = `${url}${url?.includes('?') ? '&' : '?'}schema=policy_${randomBytes(6).toString('hex')}`;
    const name = (() => { const u = new URL(db); return `${u.protocol}//${u.host}${u.pathname}`; })();
    const v2 = scratch('ratecard-policy-pg-').write('rural-contract-v2.yaml', V2.text);
    const data = ['--data', RURAL];
    expect((await runCli(['policy', 'submit', 'policies/rural-contract.yaml', '--db', db, '--by', 'ana', '--why', '2025', ...data])).code).toBe(0);
    expect(await runCli(['policy', 'approve', 'rural-contract@1', '--db', db, '--by', 'ana', '--why', 'x'])).toEqual({
      code: 3, stdout: '', stderr: `${name}:1:1 by: \`ana\` cannot approve \`rural-contract@1\`: they wrote it, and a version is approved by someone else\n`,
    });
    expect((await runCli(['policy', 'approve', 'rural-contract@1', '--db', db, '--by', 'bo', '--why', 'ok'])).code).toBe(0);
    expect((await runCli(['policy', 'submit', v2, '--db', db, '--by', 'cy', '--why', 'July', ...data])).code).toBe(0);
    const run = ['run', '--db', db, '--policy-id', 'rural-contract', '--payees', `${RURAL}/payees.csv`, '--facts', `${RURAL}/facts.csv`, '--from', '2025-01', '--to', '2025-12'];
    expect((await runCli(run)).stdout).toMatch(/^run-\d{6}: rural-contract@1 2025-01 to 2025-12 posted /);
    expect((await runCli(['policy', 'approve', 'rural-contract@2', '--db', db, '--by', 'bo', '--why', 'ok'])).code).toBe(0);
    const year = await runCli(run);
    expect(year.stdout).toMatch(/^run-\d{6}: rural-contract@1 2025-01 to 2025-06 unchanged: .*\nrun-\d{6}: rural-contract@2 2025-07 to 2025-12 posted /);
    expect((await runCli(['policy', 'list', '--db', db, '--format', 'json'])).stdout).toMatch(/"state": "approved"[\s\S]*"state": "approved"/);
  });
});

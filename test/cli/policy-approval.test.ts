// `ratecard policy` and `ratecard run` with the registry, on a real SQLite file: a year with an
// amendment approved mid-year posts each month under the version in force; an unapproved
// amendment does not post (exit 3, located); self-approval is refused (exit 3); the queue and a
// version's transitions are shown; usage mistakes exit 2.
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, scratch } from '../fixtures/run-cli.js';
import { RURAL, V2, V3 } from '../store/policies/amendment.js';

const tmp = scratch('ratecard-policy-cli-');
const v2 = tmp.write('rural-contract-v2.yaml', V2.text);
const v3 = tmp.write('rural-contract-v3.yaml', V3.text);
const data = ['--data', RURAL];
const runArgs = (db: string, policy: string[], from = '2025-01', to = '2025-12') =>
  ['run', '--db', db, ...policy, '--payees', `${RURAL}/payees.csv`, '--facts', `${RURAL}/facts.csv`, '--from', from, '--to', to, '--by', 'clerk'];

describe('ratecard policy', () => {
  it('submits, refuses self-approval, approves, and posts a year with an amendment approved mid-year', async () => {
    const db = tmp.path('year.db');
    const first = await runCli(['policy', 'submit', 'policies/rural-contract.yaml', '--db', db, '--by', 'ana', '--why', 'the 2025 policy', ...data]);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/^rural-contract@1 submitted by ana, in force from the start; waiting for approval by someone else\nimpact 2025-01 to 2025-12, nothing approved before:\n  before 0\.00 \(/);
    expect(first.code).toBe(0);

    const self = await runCli(['policy', 'approve', 'rural-contract@1', '--db', db, '--by', 'ana', '--why', 'fine']);
    expect(self).toEqual({ code: 3, stdout: '', stderr: `${basename(db)}:1:1 by: \`ana\` cannot approve \`rural-contract@1\`: they wrote it, and a version is approved by someone else\n` });
    expect((await runCli(['policy', 'approve', 'rural-contract@1', '--db', db, '--by', 'bo', '--why', 'checked'])).stdout).toBe('rural-contract@1 approved by bo: it posts from the start\n');

    const amendment = await runCli(['policy', 'submit', v2, '--db', db, '--by', 'ana', '--why', 'step rate 3 % from July', ...data]);
    expect(amendment.stdout).toMatch(/^rural-contract@2 submitted by ana, in force from 2025-07; .*\nimpact 2025-07 to 2025-12, against version 1:\n/);
    // a higher step rate deducts more, and the refunds at the year's end return less
    expect(amendment.stdout.split('\n').slice(2)).toEqual([
      '  before 207250.62 (commission 199401.96, deduction -12915.10, refund 7850.96, bonus 12912.80)',
      '  after  198489.88 (commission 199401.96, deduction -16279.06, refund 2454.18, bonus 12912.80)',
      '  change -8760.74 (commission 0.00, deduction -3363.96, refund -5396.78, bonus 0.00), 4 payees paid differently; largest:',
      '    R03 37712.49 → 34418.93 (-3293.56)',
      '    R04 43227.21 → 40257.90 (-2969.31)',
      '    R02 36575.14 → 35007.93 (-1567.21)',
      '    R05 25955.37 → 25024.71 (-930.66)',
      '',
    ]);

    // the queue, and the amendment cannot post while it waits
    expect((await runCli(['policy', 'list', '--db', db, '--state', 'submitted'])).stdout).toMatch(/^rural-contract@2  submitted  from 2025-07  by ana, submitted by ana \S+\n$/);
    const early = await runCli(runArgs(db, ['--policy', v2], '2025-07', '2025-07'));
    expect(early.code).toBe(3);
    expect(early.stderr).toBe(`${v2}:6:1 version: this text of \`rural-contract@2\` is not an approved version, and only approved versions post (\`rural-contract\` has versions in the policy registry): submit it with \`ratecard policy submit\` and have someone else approve it\n`);

    expect((await runCli(['policy', 'approve', 'rural-contract@2', '--db', db, '--by', 'bo', '--why', 'agreed with the channels'])).code).toBe(0);
    const year = await runCli(runArgs(db, ['--policy-id', 'rural-contract']));
    expect(year.stderr).toBe('');
    expect(year.stdout).toMatch(/^run-000001: rural-contract@1 2025-01 to 2025-06 posted \d+ lines and 0 adjustments, total -?[\d.]+ → .*\nrun-000002: rural-contract@2 2025-07 to 2025-12 posted \d+ lines/);
    const statement = await runCli(['statement', '--db', db, '--policy-id', 'rural-contract', '--payee', 'R02', '--format', 'json']);
    const lines = JSON.parse(statement.stdout).lines as { period: string; line: string; amount: string }[];
    expect(lines.filter((l) => l.line === 'under_completion').slice(2, 4).map((l) => `${l.period} ${l.amount}`)).toEqual(['2025-03 -661.65', '2025-07 -1542.56']);

    // the whole year under version 1 alone is refused: version 2 is in force from July
    const old = await runCli(runArgs(db, ['--policy', 'policies/rural-contract.yaml']));
    expect(old.code).toBe(3);
    expect(old.stderr).toMatch(/^policies\/rural-contract\.yaml:6:1 version: `rural-contract@1` is approved but not in force in 2025-07: `rural-contract@2` is \(from 2025-07\)/);

    const shown = await runCli(['policy', 'show', 'rural-contract@2', '--db', db]);
    expect(shown.stdout).toMatch(/^rural-contract@2  approved  from 2025-07  by ana, submitted by ana \S+, approved by bo \S+\nimpact 2025-07 to 2025-12, against version 1:\n/);
    expect(shown.stdout).toMatch(/\ntransitions:\n  \S+  \(new\) → draft  by ana: step rate 3 % from July\n  \S+  draft → submitted  by ana: step rate 3 % from July\n  \S+  submitted → approved  by bo: agreed with the channels\n$/);
    const asJson = JSON.parse((await runCli(['policy', 'show', 'rural-contract@2', '--db', db, '--format', 'json'])).stdout);
    expect(asJson.transitions.map((t: { to: string }) => t.to)).toEqual(['draft', 'submitted', 'approved']);
  });

  it('rejects and withdraws, and refuses what the process does not allow (exit 3) and usage mistakes (exit 2)', async () => {
    const db = tmp.path('queue.db');
    expect((await runCli(['policy', 'submit', v3, '--db', db, '--by', 'cy', '--why', 'October', ...data])).code).toBe(0);
    expect((await runCli(['policy', 'reject', 'rural-contract@3', '--db', db, '--by', 'bo', '--why', 'too steep'])).stdout).toBe('rural-contract@3 rejected by bo\n');
    const again = await runCli(['policy', 'approve', 'rural-contract@3', '--db', db, '--by', 'bo', '--why', 'x']);
    expect(again).toEqual({ code: 3, stdout: '', stderr: `${basename(db)}:1:1 state: \`rural-contract@3\` is rejected: only a submitted version can be approved\n` });
    expect((await runCli(['policy', 'submit', v2, '--db', db, '--by', 'ana', '--why', 'July', ...data])).code).toBe(0);
    expect((await runCli(['policy', 'withdraw', 'rural-contract@2', '--db', db, '--by', 'ana', '--why', 'later'])).stdout).toBe('rural-contract@2 withdrawn by ana\n');
    expect((await runCli(['policy', 'list', '--db', db])).stdout.split('\n').map((l) => l.split('  ').slice(0, 2).join(' '))).toEqual(['rural-contract@3 rejected', 'rural-contract@2 withdrawn', '']);
    expect((await runCli(['policy', 'list', '--db', db, '--state', 'submitted'])).stdout).toBe('no submitted versions\n');

    const missing = await runCli(['policy', 'approve', 'rural-contract@9', '--db', db, '--by', 'bo', '--why', 'x']);
    expect(missing).toEqual({ code: 1, stdout: '', stderr: `${basename(db)}:1:1 version: no version \`rural-contract@9\` in the policy registry\n` });
    const noData = await runCli(['policy', 'submit', 'policies/rural-contract.yaml', '--db', db, '--by', 'ana', '--why', 'x']);
    expect(noData).toEqual({ code: 1, stdout: '', stderr: `${basename(db)}:1:1 data: a submission needs its impact measured: give the dataset to settle it over\n` });
    const badRef = await runCli(['policy', 'approve', 'rural-contract', '--db', db, '--by', 'bo', '--why', 'x']);
    expect(badRef.code).toBe(2);
    expect(badRef.stderr).toMatch(/^ratecard policy: expected POLICY@VERSION, e\.g\. rural-contract@2, got `rural-contract`\n/);
    expect((await runCli(['policy', 'approve', 'rural-contract@3', '--db', db, '--why', 'x'])).stderr).toMatch(/^ratecard policy: missing --by\n/);
    expect((await runCli(['policy', 'frobnicate', '--db', db])).code).toBe(2);
    expect((await runCli(['policy', 'list', '--db', db, '--state', 'pending'])).stderr).toMatch(/^ratecard policy: --state must be draft, submitted, approved, rejected or withdrawn, got `pending`\n/);
    expect((await runCli(runArgs(db, ['--policy', v2, '--policy-id', 'rural-contract']))).code).toBe(2);
  });

  it('requires approval for every policy of a store once asked', async () => {
    const db = tmp.path('strict.db');
    expect((await runCli(runArgs(db, ['--policy', 'policies/rural-contract.yaml'], '2025-01', '2025-01'))).code).toBe(0);
    expect((await runCli(['policy', 'require-approval', '--db', db, '--by', 'ana'])).stdout).toMatch(/^every policy of the store posts only approved versions \(required by ana \S+\)\n$/);
    const refused = await runCli(runArgs(db, ['--policy', 'policies/rural-contract.yaml'], '2025-02', '2025-02'));
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/\(the store requires approval for every policy\)/);
  });
});

// Two `ratecard` processes on one store at once, as two operators (or two service instances)
// would be: the same run twice posts once and finds the other unchanged; the same close twice
// closes once and the other is told, with exit 1; nothing is lost or posted twice; seals verify.
// SQLite always; PostgreSQL when RATECARD_TEST_PG is set.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runCli, scratch } from '../fixtures/run-cli.js';

const RURAL = 'data/scenarios/rural-contract';
const url = process.env.RATECARD_TEST_PG;
const tmp = scratch('ratecard-processes-');
const stores: [string, () => string][] = [
  ['sqlite', () => tmp.path(`${randomBytes(6).toString('hex')}.db`)],
  ...(url ? [['postgres', () => `${url}${url.includes('?') ? '&' : '?'}schema=proc_${randomBytes(6).toString('hex')}`] as [string, () => string]] : []),
];

function ratecard(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // the installed command (the built CLI, as serve-editor's test runs it): compiling the
    // TypeScript in each of the six processes took most of this test's time under load
    const child = spawn(process.execPath, ['bin/ratecard.js', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

for (const [kind, fresh] of stores) {
  describe(`two ratecard processes on one store (${kind})`, () => {
    it('run and close the same month at once: one posts and closes, the other finds it done', async () => {
      const db = fresh();
      const run = ['run', '--db', db, '--policy', 'policies/rural-contract.yaml', '--payees', `${RURAL}/payees.csv`, '--facts', `${RURAL}/facts.csv`,
        '--from', '2025-01', '--to', '2025-02', '--busy-timeout', '60000'];
      const runs = await Promise.all([ratecard(run), ratecard(run)]);
      expect(runs.map((r) => [r.code, r.stderr])).toEqual([[0, ''], [0, '']]);
      expect(runs.map((r) => r.stdout.replace(/^run-\d+: rural-contract 2025-01 to 2025-02 (posted|unchanged).*\n$/, '$1')).sort()).toEqual(['posted', 'unchanged']);

      const close = ['close', '--db', db, '--policy-id', 'rural-contract', '--period', '2025-01', '--busy-timeout', '60000'];
      const closes = await Promise.all([ratecard(close), ratecard(close)]);
      expect(closes.map((c) => c.code).sort()).toEqual([0, 1]);
      expect(closes.find((c) => c.code === 1)!.stderr).toMatch(/:1:1 period: period `2025-01` of `rural-contract` is already closed\n$/);

      const statement = await runCli(['statement', '--db', db, '--policy-id', 'rural-contract']);
      const lines = statement.stdout.trim().split('\n').slice(1);
      expect(new Set(lines).size).toBe(lines.length);
      expect(lines.length).toBeGreaterThan(40);
      expect((await runCli(['verify', '--db', db])).stdout).toMatch(/^verified 1 closed period\n/);
    }, 120_000); // six processes on a loaded machine: a limit, not a timing assertion
  });
}

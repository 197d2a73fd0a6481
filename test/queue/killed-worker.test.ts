// A worker killed (SIGKILL) in the middle of a part loses nothing (issue 14.5): the part stays
// taken until its timeout, then another worker takes it, and the run posts the statement the same
// run posts settled in one process.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, scratch } from '../fixtures/run-cli.js';
import { BACKENDS } from '../store/backends.js';
import { posted, ruralFiles, startWorker, stopWorker } from './queue-fixture.js';

const postgres = BACKENDS.find((b) => b.kind === 'postgres');

describe.skipIf(!postgres || !existsSync('dist/cli/commands/worker.js'))('a worker killed mid-part', () => {
  it('loses nothing: its part is taken again by another worker after the part timeout', { timeout: 120_000 }, async () => {
    const db = postgres!.fresh();
    const alone = postgres!.fresh();
    const files = ruralFiles(scratch('ratecard-killed-').dir, 600);
    const args = ['--policy', 'policies/rural-contract.yaml', '--payees', files.payees, '--facts', files.facts, '--from', '2025-01', '--to', '2025-06'];

    const first = await startWorker(db);
    const run = runCli(['run', '--db', db, '--queue', ...args, '--payees-per-part', '200', '--part-timeout', '5']);
    const [, part, key] = await first.waitFor(/^took part (\d+) of 3 of run (\S+)$/m);
    first.child.kill('SIGKILL');
    expect(await stopWorker(first)).toBe(null);
    // it never settled the part it took
    expect(first.output()).not.toContain(`settled part ${part} of 3 of run ${key}`);

    const second = await startWorker(db);
    const queued = await run;
    expect(queued.stderr).toBe('');
    expect(queued.code).toBe(0);
    // the second worker took the killed worker's part, and every other part
    for (let p = 1; p <= 3; p++) expect(second.output()).toContain(`settled part ${p} of 3 of run ${key}`);
    expect(await stopWorker(second)).toBe(0);

    expect((await runCli(['run', '--db', alone, ...args])).code).toBe(0);
    const [q, s] = await Promise.all([posted(db, 'rural-contract'), posted(alone, 'rural-contract')]);
    expect(q.lines.length).toBe(s.lines.length);
    expect(q.csv).toBe(s.csv);
    expect(q.lines).toEqual(s.lines);
  });
});

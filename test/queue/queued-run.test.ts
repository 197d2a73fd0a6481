// A run split into parts of whole payees, queued in PostgreSQL and settled by `ratecard worker`
// processes (issue 14.5): posted as one run whose statement (CSV and every trace) is the one the
// same run posts settled in one process — with population values that span parts, and with the
// posted history and closed months of earlier runs.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, scratch } from '../fixtures/run-cli.js';
import { BACKENDS } from '../store/backends.js';
import { posted, scenarioFiles, startWorker, stopWorker, type WorkerProcess } from './queue-fixture.js';

const postgres = BACKENDS.find((b) => b.kind === 'postgres');

describe.skipIf(!postgres || !existsSync('dist/cli/commands/worker.js'))('ratecard run --queue with ratecard worker', () => {
  const db = postgres?.fresh() ?? '';
  let workers: WorkerProcess[] = [];
  beforeAll(async () => {
    workers = await Promise.all([startWorker(db), startWorker(db)]);
  });
  afterAll(async () => {
    expect(await Promise.all(workers.map(stopWorker))).toEqual([0, 0]);
  });

  /** The same run posted through the queue into `db` and in one process into a store of its own. */
  async function both(args: string[], alone: string) {
    const queued = await runCli(['run', '--db', db, '--queue', ...args]);
    expect(queued.stderr).toBe('');
    expect(queued.code).toBe(0);
    const single = await runCli(['run', '--db', alone, ...args]);
    expect(single.code).toBe(0);
    return { queued: queued.stdout, single: single.stdout };
  }

  it('posts the statement settled in one process when team aggregates and shares span parts', async () => {
    // nine marketing managers in teams that span parts of two
    const files = scenarioFiles('bonus-pool');
    const alone = postgres!.fresh();
    const out = await both(['--policy', 'policies/bonus-pool.yaml', '--payees', files.payees, '--facts', files.facts, '--from', '2025-01', '--to', '2025-12', '--payees-per-part', '2'], alone);
    expect(out.queued.replace(/^run-\d+/, '')).toBe(out.single.replace(/^run-\d+/, ''));
    const [q, s] = await Promise.all([posted(db, 'bonus-pool'), posted(alone, 'bonus-pool')]);
    expect(q.csv).toBe(s.csv);
    expect(q.lines).toEqual(s.lines);
    // 9 payees in parts of 2: five parts, each settled once
    const settled = workers.flatMap((w) => w.output().match(/^settled part \d+ of 5 .*$/gm) ?? []);
    expect(settled.sort()).toEqual([1, 2, 3, 4, 5].map((p) => expect.stringMatching(new RegExp(`^settled part ${p} of 5 `))));
  });

  it('settles with the posted history and closed months as one process does (refunds, adjustments)', async () => {
    const alone = postgres!.fresh();
    const rural = scenarioFiles('rural-contract');
    const args = (from: string, to: string) => ['--policy', 'policies/rural-contract.yaml', '--payees', rural.payees, '--facts', rural.facts, '--from', from, '--to', to, '--payees-per-part', '2'];
    await both(args('2025-01', '2025-03'), alone);
    for (const store of [db, alone]) expect((await runCli(['close', '--db', store, '--policy-id', 'rural-contract', '--period', '2025-01'])).code).toBe(0);
    // February and March again (open, history from January), and the rest of the year after them
    await both(args('2025-02', '2025-12'), alone);
    const [q, s] = await Promise.all([posted(db, 'rural-contract'), posted(alone, 'rural-contract')]);
    expect(q.csv).toBe(s.csv);
    expect(q.lines).toEqual(s.lines);
    expect(q.lines.filter((l) => l.period === '2025-12').length).toBeGreaterThan(0);
  });

  it('splits transactions with their payees (private lines, per line and instalments)', async () => {
    const alone = postgres!.fresh();
    const files = { ...scenarioFiles('private-line'), transactions: 'data/scenarios/private-line/transactions.csv' };
    await both(['--policy', 'policies/private-line.yaml', '--payees', files.payees, '--facts', files.facts, '--transactions', files.transactions, '--from', '2025-04', '--to', '2025-05', '--payees-per-part', '3'], alone);
    const [q, s] = await Promise.all([posted(db, 'private-line'), posted(alone, 'private-line')]);
    expect(q.lines.length).toBeGreaterThan(0);
    expect(q.csv).toBe(s.csv);
    expect(q.lines).toEqual(s.lines);
  });

  it('a worker needs the store on PostgreSQL: a located error, exit 1', async () => {
    const res = await runCli(['worker', '--db', 'book.db']);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('book.db:1:1 db: the queue of parts lives in PostgreSQL: give `--db postgres://user@host:port/db`');
  });

  it('refuses --queue on an SQLite store (usage, exit 2)', async () => {
    const rural = scenarioFiles('rural-contract');
    const res = await runCli(['run', '--db', scratch().path('book.db'), '--queue', '--policy', 'policies/rural-contract.yaml', '--payees', rural.payees, '--facts', rural.facts, '--from', '2025-01', '--to', '2025-01']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('--queue needs the store on PostgreSQL');
  });
});

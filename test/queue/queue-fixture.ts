// The queue tests' helpers: `ratecard worker` processes (the built CLI) on a PostgreSQL store,
// a store's posted statement read back whole (CSV, and every line with its trace), and datasets.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { ruralRows, RURAL_FACTS_HEADER, RURAL_PAYEES_HEADER } from '../../bench/rural-data.js';
import { AsyncSettlementBook } from '../../store/async-book.js';

export interface WorkerProcess { child: ChildProcess; output(): string; waitFor(pattern: RegExp): Promise<RegExpExecArray> }

const children: ChildProcess[] = [];
afterAll(() => { for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL'); });

/** Starts `ratecard worker --db db` and waits until it polls the queue. */
export async function startWorker(db: string): Promise<WorkerProcess> {
  const child = spawn('node', ['bin/ratecard.js', 'worker', '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  const waiters: (() => void)[] = [];
  child.stdout!.on('data', (chunk) => { out += chunk; for (const w of waiters.splice(0)) w(); });
  child.stderr!.on('data', (chunk) => { err += chunk; });
  const worker: WorkerProcess = {
    child,
    output: () => out,
    waitFor: (pattern) => new Promise((resolve, reject) => {
      const look = () => {
        const found = pattern.exec(out);
        if (found) return resolve(found);
        if (child.exitCode !== null || child.signalCode !== null) return reject(new Error(`the worker stopped: ${err}`));
        waiters.push(look);
      };
      child.once('exit', () => look());
      look();
    }),
  };
  await worker.waitFor(/waiting for parts/);
  return worker;
}

/** Stops a worker with SIGTERM; answers its exit code. */
export const stopWorker = (w: WorkerProcess) => new Promise<number | null>((resolve) => {
  if (w.child.exitCode !== null || w.child.signalCode !== null) return resolve(w.child.exitCode);
  w.child.once('exit', (code) => resolve(code));
  w.child.kill('SIGTERM');
});

/** What a store holds for a policy: its statement CSV, and every line (trace included) but the run that posted it. */
export async function posted(db: string, policyId: string) {
  return AsyncSettlementBook.using(db, { mustExist: true }, async (book) => ({
    csv: await book.statementCsv({ policyId }),
    lines: (await book.statement({ policyId })).map(({ runId: _run, ...line }) => line),
  }));
}

/** `payees` rural-contract payees with 12 months of facts, written into `dir`. */
export function ruralFiles(dir: string, payees: number): { payees: string; facts: string } {
  const rows = ruralRows(7, 0, payees);
  const files = { payees: join(dir, 'payees.csv'), facts: join(dir, 'facts.csv') };
  writeFileSync(files.payees, [RURAL_PAYEES_HEADER, ...rows.payees].join('\n') + '\n');
  writeFileSync(files.facts, [RURAL_FACTS_HEADER, ...rows.facts].join('\n') + '\n');
  return files;
}

export const scenarioFiles = (name: string) => ({ payees: `data/scenarios/${name}/payees.csv`, facts: `data/scenarios/${name}/facts.csv` });
export const text = (file: string) => readFileSync(file, 'utf8');

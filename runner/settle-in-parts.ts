// Settles a large dataset in parts of whole payees, spread over worker threads, and writes
// the statement atomically. Parts are written in payees.csv order, so the output is the same
// bytes whatever the number of workers, and the same as an in-memory run.
import { openSync, renameSync, rmSync, writeSync, closeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';
import {
  addTotals, type Diagnostic, type Lang, loadPolicy, mergePopulation, populationRoundsOf, RatecardError, type RankKeys, rankPopulationKeys,
  type SettleOptions, type SourceText, STATEMENT_COLUMNS, type Totals,
} from '../engine/index.js';
import { appendFileTo } from './append-file.js';
import { partition, type Partition } from './partition.js';
import { type PartJob, type PartResult, partKeys, settlePart } from './settle-part.js';

export interface InPartsOptions {
  policy: SourceText;
  overrides?: SourceText;
  files: { payees: string; facts: string; transactions?: string };
  from?: string;
  to?: string;
  /** Worker threads; 1 settles in this thread. Default: the machine's cores. */
  workers?: number;
  /** Payees in a part at most (default 1,000). */
  payeesPerPart?: number;
  /** Transactions in a part at most, unless one payee has more (default 10,000): bounds a part's memory. */
  transactionsPerPart?: number;
  format: 'csv' | 'json';
  /** The language of explanations and withheld reasons (English when absent). */
  lang?: Lang;
  withheld?: boolean;
  out: string;
  onProgress?: (done: number, total: number) => void;
}

export interface InPartsSummary { lines: number; payees: number; from: string; to: string; totals: Totals; parts: number; workers: number }

type Run = (msg: object) => Promise<unknown>;

function workerPool(size: number, data: object): { run: Run; close: () => Promise<void> } {
  const fromSource = import.meta.url.endsWith('.ts');
  const spawn = () => {
    if (!fromSource) return new Worker(new URL('./worker.js', import.meta.url), { workerData: data });
    // running from TypeScript sources (tests, tsx): register tsx inside the worker first
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
    const entry = new URL('./worker.ts', import.meta.url).href;
    return new Worker(`import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(entry)}); })`, { eval: true, workerData: data });
  };
  const idle: Worker[] = [];
  const waiting: ((w: Worker) => void)[] = [];
  const all = Array.from({ length: size }, spawn);
  idle.push(...all);
  const take = () => new Promise<Worker>((resolve) => { const w = idle.pop(); if (w) resolve(w); else waiting.push(resolve); });
  const give = (w: Worker) => { const next = waiting.shift(); if (next) next(w); else idle.push(w); };
  const run: Run = async (msg) => {
    const w = await take();
    try {
      return await new Promise((resolve, reject) => {
        const onMessage = (reply: { ok: boolean; diagnostics?: Diagnostic[]; message?: string }) => {
          w.off('error', onError);
          if (reply.ok) resolve(reply);
          else reject(reply.diagnostics ? new RatecardError(reply.diagnostics) : new Error(reply.message));
        };
        const onError = (e: Error) => { w.off('message', onMessage); reject(e); };
        w.once('message', onMessage);
        w.once('error', onError);
        w.postMessage(msg);
      });
    } finally {
      give(w);
    }
  };
  return { run, close: async () => { await Promise.all(all.map((w) => w.terminate())); } };
}

export async function settleInParts(o: InPartsOptions): Promise<InPartsSummary> {
  const loaded = loadPolicy(o.policy, { overrides: o.overrides });
  if (!loaded.ok) throw new RatecardError(loaded.diagnostics);
  const policy = loaded.policy;
  const parts: Partition = await partition(o.files, { payees: o.payeesPerPart ?? 1000, transactions: o.transactionsPerPart ?? 10_000 });
  const temp = join(dirname(o.out), `.${basename(o.out)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const tempWithheld = `${temp}.withheld`;
  const workers = Math.max(1, Math.min(o.workers ?? availableParallelism(), parts.partCount));
  const { cleanup: _cleanup, ...shared } = parts; // functions cannot cross to a worker
  const pool = workers > 1 ? workerPool(workers, { policy: o.policy, overrides: o.overrides, partition: shared }) : undefined;
  let fd: number | undefined, fdWithheld: number | undefined;
  try {
    const from = o.from ?? parts.facts.periods?.first;
    const to = o.to ?? parts.facts.periods?.last;
    if (!from || !to) throw new RatecardError([{ file: o.files.facts, line: 1, column: 1, severity: 'error', field: 'period', message: 'no facts: nothing to settle', code: 'no-facts' }]);
    const indexes = Array.from({ length: parts.partCount }, (_, i) => i);

    // population values (ranks, aggregates, allocations) need every payee: each round, every part
    // gives its payees' keys, the keys of all parts are combined once, and each part gets its own
    let ranks: SettleOptions['ranks'];
    const perPart: string[][] = indexes.map(() => []);
    const ranksOf = (i: number) => ranks && Object.fromEntries(perPart[i].filter((id) => ranks![id]).map((id) => [id, ranks![id]]));
    for (let round = 0; round < populationRoundsOf(policy); round++) {
      const keys = await Promise.all(indexes.map(async (index) =>
        pool ? ((await pool.run({ kind: 'keys', index, from, to, round, ranks: ranksOf(index) })) as { keys: RankKeys[] }).keys
          : partKeys(policy, parts, index, from, to, round, ranksOf(index))));
      keys.forEach((list, i) => { perPart[i] = [...new Set([...perPart[i], ...list.map((k) => k.payeeId)])]; });
      ranks = mergePopulation(ranks ?? {}, rankPopulationKeys(policy, keys.flat()));
    }

    fd = openSync(temp, 'w');
    fdWithheld = openSync(tempWithheld, 'w');
    const json = o.format === 'json';
    writeSync(fd, json
      ? `{\n"policy": ${JSON.stringify({ id: policy.id, version: policy.version, hash: policy.hash })},\n"from": "${from}",\n"to": "${to}",\n"lines": [\n`
      : STATEMENT_COLUMNS.join(',') + '\n');
    const partTotals: Totals[] = [];
    let lines = 0, payees = 0, wroteLine = false, wroteWithheld = false;
    const ready = new Map<number, PartResult>();
    let next = 0, settled = 0;
    // parts are appended in payees.csv order as soon as every earlier part is written
    const flush = () => {
      while (ready.has(next)) {
        const r = ready.get(next)!;
        const { out, withheldOut } = job(next);
        ready.delete(next++);
        if (r.hasBody) { if (json && wroteLine) writeSync(fd!, ',\n'); appendFileTo(fd!, out); wroteLine = true; }
        if (r.hasWithheld) { if (json && wroteWithheld) writeSync(fdWithheld!, ',\n'); appendFileTo(fdWithheld!, withheldOut); wroteWithheld = true; }
        rmSync(out, { force: true });
        rmSync(withheldOut, { force: true });
        lines += r.lines;
        payees += r.payees;
        partTotals.push(r.totals);
      }
    };
    const job = (index: number): PartJob => ({
      index, from, to, format: o.format, withheld: !!o.withheld, ranks: ranksOf(index), ...(o.lang ? { lang: o.lang } : {}),
      out: join(parts.dir, `out-${index}.part`), withheldOut: join(parts.dir, `withheld-${index}.part`),
    });
    await Promise.all(indexes.map(async (index) => {
      const result = pool ? ((await pool.run({ kind: 'settle', ...job(index) })) as { result: PartResult }).result : settlePart(policy, parts, job(index));
      ready.set(index, result);
      // progress counts parts as they finish, in any order: the line moves as work is done
      settled += parts.payeesInPart[index];
      o.onProgress?.(settled, parts.payeeCount);
      flush();
    }));
    closeSync(fdWithheld);
    fdWithheld = undefined;
    const totalsOut = addTotals(partTotals);
    if (json) writeSync(fd, '\n],\n"withheld": [\n');
    appendFileTo(fd, tempWithheld);
    if (json) writeSync(fd, `\n],\n"totals": ${JSON.stringify(totalsOut)}\n}\n`);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, o.out);
    return { lines, payees, from, to, totals: totalsOut, parts: parts.partCount, workers };
  } finally {
    if (fd !== undefined) closeSync(fd);
    if (fdWithheld !== undefined) closeSync(fdWithheld);
    rmSync(temp, { force: true });
    rmSync(tempWithheld, { force: true });
    await pool?.close();
    parts.cleanup();
  }
}

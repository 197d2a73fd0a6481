// A run settled in parts by `ratecard worker` processes: the population values (ranks, aggregates,
// allocations) of every payee first, as the runner does, then the payees split into parts of whole
// payees, each part queued with its payees' rows, history and population values; the parts'
// lines are joined in payees.csv order, so the run's statement is byte for byte the one settled in
// one process. The book calls this before its write transaction opens and posts the result as one
// run under the policy's lock (store/post-run.ts).
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type PgBoss from 'pg-boss';
import {
  addTotals, type CompiledPolicy, type Dataset, type DatasetInput, errorAt, type LedgerLine, populationOf, populationRoundsOf,
  type PopulationRecord, RatecardError, type SettleOptions, type SourceText, type Statement,
} from '../engine/index.js';
import { PART_QUEUE, PART_RETRIES } from './part-queue.js';
import { packPart, type PartJobData, type PartOutput, type PartStatement, statementOf } from './part-job.js';
import { splitDataset } from './split-dataset.js';

export interface QueuedSettleOptions {
  boss: PgBoss;
  /** The run's inputs as given (their rows go to the parts with their line numbers). */
  source: { policy: SourceText; overrides?: SourceText; dataset: DatasetInput };
  /** Payees in a part at most (default 1,000). */
  payeesPerPart?: number;
  /** Seconds a worker may take for a part before it is given to another (default 600). */
  partTimeoutSeconds?: number;
  /** The queue's name in messages. */
  where: string;
  /** Payees settled so far, of how many. */
  onProgress?: (done: number, total: number) => void;
}

export const DEFAULT_PAYEES_PER_PART = 1000;
export const DEFAULT_PART_TIMEOUT_S = 600;
const POLL_MS = 250;

const chunks = <T>(list: T[], size: number): T[][] => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/**
 * Each part's history: its payees' posted lines, and the earliest line of the run's history, so a
 * part knows from which month the history runs as the whole run does.
 */
function historyOfParts(history: LedgerLine[] | undefined, parts: string[][]): (LedgerLine[] | undefined)[] {
  if (!history) return parts.map(() => undefined);
  const earliest = history.reduce<LedgerLine | undefined>((e, h) => (!e || h.period < e.period ? h : e), undefined);
  const partOf = new Map(parts.flatMap((ids, i) => ids.map((id) => [id, i] as const)));
  const out: LedgerLine[][] = parts.map(() => []);
  for (const h of history) { const i = partOf.get(h.payeeId); if (i !== undefined) out[i].push(h); }
  return out.map((list) => (earliest && !list.includes(earliest) ? [earliest, ...list] : list));
}

const ranksOfPart = (ranks: PopulationRecord | undefined, ids: string[]) => ranks && Object.fromEntries(ids.filter((id) => ranks[id]).map((id) => [id, ranks[id]]));

/** The `settle` of a run request (store/types.ts) that settles through the queue. */
export function queuedSettle(o: QueuedSettleOptions): (policy: CompiledPolicy, dataset: Dataset, options: SettleOptions) => Promise<Statement> {
  return async (policy, dataset, options) => {
    const { from, to, history } = options;
    const ranks = populationRoundsOf(policy) ? populationOf(policy, dataset, { from, to, history }) : undefined;
    const payeeIds = chunks(dataset.covered.map((p) => p.payeeId), o.payeesPerPart ?? DEFAULT_PAYEES_PER_PART);
    const datasets = splitDataset(o.source.dataset, payeeIds);
    const histories = historyOfParts(history, payeeIds);
    const run = randomUUID();
    const jobs = datasets.map((part, index) => ({
      id: randomUUID(), name: PART_QUEUE, retryLimit: PART_RETRIES, retryDelay: 0, expireInSeconds: o.partTimeoutSeconds ?? DEFAULT_PART_TIMEOUT_S,
      data: {
        run, index, parts: datasets.length,
        part: packPart({ policy: o.source.policy, overrides: o.source.overrides, dataset: part, from: from!, to: to!, history: histories[index], ranks: ranksOfPart(ranks, payeeIds[index]) }),
      } satisfies PartJobData,
    }));
    if (jobs.length) await o.boss.insert(jobs);
    const results: PartStatement[] = [];
    try {
      let done = 0;
      for (const [index, job] of jobs.entries()) {
        results.push(statementOf(await finished(o, job.id, index, jobs.length)));
        o.onProgress?.(done += payeeIds[index].length, dataset.covered.length);
      }
    } finally {
      if (results.length < jobs.length) await o.boss.cancel(PART_QUEUE, jobs.slice(results.length).map((j) => j.id)).catch(() => {});
    }
    return {
      policy: { id: policy.id, version: policy.version, hash: policy.hash },
      from: from!, to: to!,
      lines: results.flatMap((r) => r.lines),
      withheld: results.flatMap((r) => r.withheld),
      totals: addTotals(results.map((r) => r.totals)),
    };
  };
}

/** Waits for a part to be settled; a part that failed in every worker that took it fails the run. */
async function finished(o: QueuedSettleOptions, id: string, index: number, count: number): Promise<{ statement: string }> {
  const fail = (message: string) => new RatecardError([errorAt({ file: o.where, line: 1, column: 1 }, 'queue', message, 'queue')]);
  for (;;) {
    const job = await o.boss.getJobById<PartJobData>(PART_QUEUE, id, { includeArchive: true });
    if (!job) throw fail(`part ${index + 1} of ${count} is no longer in the queue`);
    if (job.state === 'completed') {
      const output = job.output as PartOutput;
      if ('diagnostics' in output) throw new RatecardError(output.diagnostics);
      return output;
    }
    if (job.state === 'failed') {
      const why = (job.output as { message?: string; value?: { message?: string } } | null);
      throw fail(`part ${index + 1} of ${count} failed ${job.retryCount + 1} times (every worker that took it, ${PART_RETRIES + 1} at most): ${why?.message ?? why?.value?.message ?? 'no reason given'}`);
    }
    if (job.state === 'cancelled') throw fail(`part ${index + 1} of ${count} was cancelled`);
    await sleep(POLL_MS);
  }
}

// A worker of the part queue: takes one part at a time from PostgreSQL, settles it and answers its
// lines; `ratecard worker` runs one per process (settling is synchronous: run a process per core,
// on as many hosts as needed). A worker killed mid-part loses nothing: the part stays taken until
// its timeout, then pg-boss gives it to another worker.
import type PgBoss from 'pg-boss';
import { PART_QUEUE } from './part-queue.js';
import { type PartJobData, settlePartJob } from './part-job.js';

export interface PartWorkerOptions {
  /** Told when a part is taken and when it is settled (the run's key, the part, of how many). */
  onPart?: (event: 'took' | 'settled', job: { id: string; run: string; index: number; parts: number }) => void;
  /** Seconds between looks at an empty queue (default 0.5). */
  pollSeconds?: number;
}

/** Starts taking parts; resolves with the worker's id once it polls (stop it with `boss.stop()`). */
export function workParts(boss: PgBoss, options: PartWorkerOptions = {}): Promise<string> {
  return boss.work<PartJobData>(PART_QUEUE, { batchSize: 1, pollingIntervalSeconds: options.pollSeconds ?? 0.5 }, async ([job]) => {
    const about = { id: job.id, run: job.data.run, index: job.data.index, parts: job.data.parts };
    options.onPart?.('took', about);
    const output = settlePartJob(job.data);
    // completed here, before the next part is taken: pg-boss's own completion is sent later, and a
    // worker busy settling its next part would send it only after, past this part's timeout
    await boss.complete(PART_QUEUE, job.id, output);
    options.onPart?.('settled', about);
  });
}

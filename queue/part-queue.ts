// The queue of settlement parts, in the settlement store's own PostgreSQL database (pg-boss): the
// `ratecard run --queue` that splits a run enqueues its parts, any number of `ratecard worker`
// processes on any hosts take them. A part a worker took and never finished (the worker was killed,
// its host lost) expires after the part timeout and is taken again by another worker.
import PgBoss from 'pg-boss';
import { errorAt, RatecardError } from '../engine/index.js';

/** The pg-boss queue every part of every run goes through. */
export const PART_QUEUE = 'ratecard-settle-part';

/** How often a part is taken again after its worker failed or vanished, before the run fails. */
export const PART_RETRIES = 5;

export interface QueueOptions {
  /**
   * How often this process runs pg-boss's upkeep (expiring parts whose worker vanished), in
   * seconds; pg-boss runs it once per interval across all processes (default 60).
   */
  maintenanceSeconds?: number;
  /** Where errors go (pg-boss reports lost connections as events, not as thrown errors). */
  onError?: (e: Error) => void;
}

/** The store's URL as pg-boss's connection, and its schema: `<store schema>_queue`, or `ratecard_queue`. */
export function queueConnection(db: string): { connectionString: string; schema: string } {
  const url = new URL(db);
  const schema = url.searchParams.get('schema');
  url.searchParams.delete('schema');
  return { connectionString: url.toString(), schema: `${schema ?? 'ratecard'}_queue` };
}

/** Where the queue is, in messages: `postgres://host:port/db`, never the user or password. */
export const queueName = (db: string) => { const u = new URL(db); return `${u.protocol}//${u.host}${u.pathname}`; };

/** Starts pg-boss on the store's database (creating its schema and the parts' queue on first use). */
export async function openQueue(db: string, options: QueueOptions = {}): Promise<PgBoss> {
  if (!/^postgres(ql)?:\/\//i.test(db)) {
    throw new RatecardError([errorAt({ file: db, line: 1, column: 1 }, 'db', 'the queue of parts lives in PostgreSQL: give `--db postgres://user@host:port/db`', 'bad-option')]);
  }
  const boss = new PgBoss({ ...queueConnection(db), max: 4, maintenanceIntervalSeconds: options.maintenanceSeconds ?? 60, monitorStateIntervalSeconds: 3600, schedule: false });
  boss.on('error', (e) => options.onError?.(e));
  try {
    await boss.start();
    await boss.createQueue(PART_QUEUE, { name: PART_QUEUE, retryLimit: PART_RETRIES, retryDelay: 0 });
  } catch (e) {
    await boss.stop({ graceful: false, wait: false }).catch(() => {});
    const code = (e as NodeJS.ErrnoException).code;
    throw new RatecardError([errorAt({ file: queueName(db), line: 1, column: 1 }, 'db', `cannot open the queue of parts: ${code ?? (e as Error).message}`, 'io')]);
  }
  return boss;
}

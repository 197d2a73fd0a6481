// `ratecard worker --db postgres://…`: takes parts of large runs from the queue in the settlement
// store's PostgreSQL database (queue/), settles them and answers their lines, until SIGINT or
// SIGTERM. `ratecard run --queue` splits a run into parts and posts their lines as one run.
import { openQueue, queueName } from '../../queue/part-queue.js';
import { workParts } from '../../queue/part-worker.js';
import { parseOptions, required } from '../args.js';
import type { Command } from '../command.js';

const usage = `usage: ratecard worker --db postgres://user@host:port/db[?schema=NAME]

  --db URL    the settlement store's PostgreSQL database, whose queue holds the parts of runs
              started with \`ratecard run --queue\`

Takes one part at a time (run one worker per core, on as many hosts as needed) and prints a line
per part taken and settled. A part whose worker is stopped or killed is taken again by another
worker after the run's part timeout. Stops on SIGINT or SIGTERM, after the part in hand.`;

const command: Command = {
  name: 'worker',
  summary: 'settle parts of queued runs (ratecard run --queue) from PostgreSQL',
  usage,
  async run(args, io) {
    const { values: o } = parseOptions(args, { db: { type: 'string' } });
    const db = required(o.db, 'db');
    const boss = await openQueue(db, { onError: (e) => io.stderr(`ratecard worker: ${queueName(db)}: ${e.message}\n`) });
    const part = (j: { run: string; index: number; parts: number }) => `part ${j.index + 1} of ${j.parts} of run ${j.run}`;
    await workParts(boss, { onPart: (event, job) => io.stdout(`${event} ${part(job)}\n`) });
    io.stdout(`ratecard worker: waiting for parts in ${queueName(db)}\n`);
    await new Promise<void>((resolve) => {
      const stop = () => { process.off('SIGINT', stop); process.off('SIGTERM', stop); resolve(); };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    return 0;
  },
};
export default command;

// `ratecard close`: close a settled period of a policy in the settlement store and seal it; its
// lines can never change again, and later corrections become adjustments in the first open period.
import { parseOptions, required } from '../args.js';
import type { Command } from '../command.js';
import { AsyncSettlementBook } from '../../store/async-book.js';
import { busyTimeout } from '../../store/busy-timeout.js';

const usage = `usage: ratecard close --db FILE --policy-id ID --period YYYY-MM [--by NAME]

  --db FILE|URL          the settlement store: an SQLite file, or postgres://user@host:port/db
  --policy-id ID         the policy's id (its \`id:\` field)
  --period YYYY-MM       the month to close; months close in order, once, after they were run
  --by NAME              who closes it (default: $USER)
  --busy-timeout MS      how long to wait for another writer before reporting the store busy (default 5000)

The close is sealed: a sha256 of the month's lines and of the runs since the previous close,
chained to the previous close's seal (\`ratecard verify\` recomputes the chain).`;

const command: Command = {
  name: 'close',
  summary: 'close and seal a settled period in the settlement store: its lines become immutable',
  usage,
  async run(args, io) {
    const { values: o } = parseOptions(args, {
      db: { type: 'string' }, 'policy-id': { type: 'string' }, period: { type: 'string' }, by: { type: 'string' }, 'busy-timeout': { type: 'string' },
    });
    const db = required(o.db, 'db');
    const policyId = required(o['policy-id'], 'policy-id');
    const period = required(o.period, 'period');
    const options = { mustExist: true, busyTimeoutMs: busyTimeout(o['busy-timeout']) };
    const { closed, seal } = await AsyncSettlementBook.using(db, options, async (book) => {
      const { seal } = await book.close(policyId, period, o.by ?? io.env.USER ?? 'cli');
      return { closed: await book.closedPeriods(policyId), seal };
    });
    io.stdout(`closed ${policyId} ${period} (closed: ${closed[0]}${closed.length > 1 ? ` to ${closed[closed.length - 1]}` : ''}), seal ${seal}\n`);
    return 0;
  },
};
export default command;

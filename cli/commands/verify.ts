// `ratecard verify`: recompute the seals of the closed periods in the settlement store and name
// the first period whose lines, runs or close no longer match (exit 1), or say how many matched.
import { formatDiagnostic } from '../../engine/index.js';
import { parseOptions, required } from '../args.js';
import type { Command } from '../command.js';
import { AsyncSettlementBook } from '../../store/async-book.js';

const usage = `usage: ratecard verify --db FILE [--policy-id ID]

  --db FILE|URL          the settlement store: an SQLite file, or postgres://user@host:port/db
  --policy-id ID         one policy only (default: every policy with a closed period)

Each close is sealed with a sha256 of its month's lines and of the runs since the previous close,
chained to the previous seal. verify recomputes the chain: a change the database could not refuse
(a dropped trigger, an edited file) names the first month that no longer matches, with exit 1.
The last seal of each policy is printed: keep it elsewhere, and a rewritten chain shows too.`;

const command: Command = {
  name: 'verify',
  summary: 'recompute the seals of closed periods and name the first that no longer matches',
  usage,
  async run(args, io) {
    const { values: o } = parseOptions(args, { db: { type: 'string' }, 'policy-id': { type: 'string' } });
    const result = await AsyncSettlementBook.using(required(o.db, 'db'), { mustExist: true }, (book) => book.verify(o['policy-id']));
    if (result.problem) {
      io.stderr(formatDiagnostic(result.problem) + '\n');
      return 1;
    }
    io.stdout(`verified ${result.verified} closed period${result.verified === 1 ? '' : 's'}\n`);
    for (const head of result.heads) io.stdout(`${head.policyId} ${head.period} seal ${head.seal}\n`);
    return 0;
  },
};
export default command;

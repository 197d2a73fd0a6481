// `ratecard close`: close a settled period of a policy in the settlement store; its lines can
// never change again, and later corrections become adjustments in the first open period.
import { parseOptions, required } from '../args.js';
import type { Command } from '../command.js';
import { SettlementBook } from '../../store/settlement-book.js';

const usage = `usage: ratecard close --db FILE --policy-id ID --period YYYY-MM [--by NAME]

  --db FILE              the settlement store (SQLite)
  --policy-id ID         the policy's id (its \`id:\` field)
  --period YYYY-MM       the month to close; months close in order, once, after they were run
  --by NAME              who closes it (default: $USER)`;

const command: Command = {
  name: 'close',
  summary: 'close a settled period in the settlement store: its lines become immutable',
  usage,
  async run(args, io) {
    const { values: o } = parseOptions(args, {
      db: { type: 'string' }, 'policy-id': { type: 'string' }, period: { type: 'string' }, by: { type: 'string' },
    });
    const db = required(o.db, 'db');
    const policyId = required(o['policy-id'], 'policy-id');
    const period = required(o.period, 'period');
    const closed = SettlementBook.using(db, { mustExist: true }, (book) => {
      book.close(policyId, period, o.by ?? io.env.USER ?? 'cli');
      return book.closedPeriods(policyId);
    });
    io.stdout(`closed ${policyId} ${period} (closed: ${closed[0]}${closed.length > 1 ? ` to ${closed[closed.length - 1]}` : ''})\n`);
    return 0;
  },
};
export default command;

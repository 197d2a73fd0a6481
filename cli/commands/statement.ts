// `ratecard statement`: the posted lines of a policy from the settlement store, as CSV (the
// columns of `ratecard settle`, byte for byte reproducible) or JSON with traces and run ids.
import { totalsOf } from '../../engine/index.js';
import { parseOptions, required, UsageError } from '../args.js';
import type { Command } from '../command.js';
import { writeAtomic } from '../files.js';
import { AsyncSettlementBook } from '../../store/async-book.js';
import { postedToCsv } from '../../store/statement-csv.js';

const usage = `usage: ratecard statement --db FILE --policy-id ID [--payee ID] [--from YYYY-MM] [--to YYYY-MM] [--out FILE]

  --db FILE|URL          the settlement store: an SQLite file, or postgres://user@host:port/db
  --policy-id ID         the policy's id
  --payee ID             one payee only
  --from YYYY-MM         first month (default: the first posted)
  --to YYYY-MM           last month (default: the last posted)
  --out FILE             statement.csv or statement.json (default: CSV on standard output)
  --format csv|json      output format when --out has another extension

Adjustments for closed months are lines of the month they were posted in, named
\`<line>@<month corrected>\`; the JSON has each line's trace, run and what it adjusts, and the
closed months.`;

const command: Command = {
  name: 'statement',
  summary: 'write a policy\'s posted lines from the settlement store (CSV or JSON)',
  usage,
  async run(args, io) {
    const { values: o } = parseOptions(args, {
      db: { type: 'string' }, 'policy-id': { type: 'string' }, payee: { type: 'string' }, from: { type: 'string' },
      to: { type: 'string' }, out: { type: 'string' }, format: { type: 'string' },
    });
    const format = o.format ?? (o.out?.toLowerCase().endsWith('.json') ? 'json' : 'csv');
    if (format !== 'csv' && format !== 'json') throw new UsageError(`--format must be csv or json, got \`${format}\``);
    const query = { policyId: required(o['policy-id'], 'policy-id'), payeeId: o.payee, from: o.from, to: o.to };
    const { lines, text } = await AsyncSettlementBook.using(required(o.db, 'db'), { mustExist: true }, async (book) => {
      const posted = await book.statement(query);
      return { lines: posted, text: format === 'csv' ? postedToCsv(posted) : JSON.stringify({ ...query, closed: await book.closedPeriods(query.policyId), lines: posted, totals: totalsOf(posted) }, null, 2) + '\n' };
    });
    if (o.out) {
      writeAtomic(o.out, text);
      io.stderr(`${lines.length} posted lines of ${query.policyId} → ${o.out}\n`);
    } else io.stdout(text);
    return 0;
  },
};
export default command;

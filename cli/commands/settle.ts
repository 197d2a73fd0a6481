// `ratecard settle`: settle payees and facts under one policy and write the statement.
import { settle, statementToCsv, statementToJson } from '../../engine/index.js';
import { parseOptions, required, UsageError } from '../args.js';
import type { Command } from '../command.js';
import { writeAtomic } from '../files.js';
import { loadDatasetFiles, loadPolicyFile } from '../load.js';
import { progressReporter } from '../progress.js';

const usage = `usage: ratecard settle --policy FILE --payees payees.csv --facts facts.csv [options]

  --policy FILE          the policy (YAML)
  --payees FILE          payees.csv: payee_id, channel_type, ...
  --facts FILE           facts.csv: period, payee_id and the facts the policy declares
  --transactions FILE    transactions.csv, for policies that pay per transaction
  --params FILE          YAML map of parameter overrides, deep-merged over the policy's values
  --from YYYY-MM         first month on the statement (default: first month with facts)
  --to YYYY-MM           last month on the statement (default: last month with facts)
  --out FILE             statement.csv or statement.json (default: CSV on standard output)
  --format csv|json      output format when --out has another extension
  --withheld             add withheld items (gates, vetoes, floors) to the CSV as zero rows
  --no-progress          no progress line on the terminal`;

const command: Command = {
  name: 'settle',
  summary: 'settle payees and facts under a policy and write the statement (CSV or JSON)',
  usage,
  async run(args, io) {
    const { values: o } = parseOptions(args, {
      policy: { type: 'string' }, payees: { type: 'string' }, facts: { type: 'string' }, transactions: { type: 'string' },
      params: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' },
      format: { type: 'string' }, withheld: { type: 'boolean' }, 'no-progress': { type: 'boolean' },
    });
    const format = o.format ?? (o.out?.toLowerCase().endsWith('.json') ? 'json' : 'csv');
    if (format !== 'csv' && format !== 'json') throw new UsageError(`--format must be csv or json, got \`${format}\``);
    const policy = loadPolicyFile(required(o.policy, 'policy'), o.params);
    const dataset = loadDatasetFiles(policy, { payees: required(o.payees, 'payees'), facts: required(o.facts, 'facts'), transactions: o.transactions });
    const statement = settle(policy, dataset, {
      from: o.from, to: o.to,
      onProgress: progressReporter(!o['no-progress'] && !!process.stderr.isTTY && dataset.covered.length >= 5000, io.stderr),
    });
    const text = format === 'json' ? statementToJson(statement) : statementToCsv(statement, { withheld: o.withheld });
    if (o.out) {
      writeAtomic(o.out, text);
      io.stderr(`${statement.lines.length} lines for ${dataset.covered.length} payees, ${statement.from} to ${statement.to}, total ${statement.totals.total} → ${o.out}\n`);
    } else io.stdout(text);
    return 0;
  },
};
export default command;

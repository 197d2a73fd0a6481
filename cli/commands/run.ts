// `ratecard run`: settle a range into the settlement store and post its lines, in one
// transaction. Closed periods are never changed: differences for them are posted as adjustments
// in the first open period.
import { parseOptions, required } from '../args.js';
import type { Command } from '../command.js';
import { readSource } from '../files.js';
import { encodingOption } from '../formats/table-file.js';
import { readDatasetFiles } from '../load.js';
import { AsyncSettlementBook } from '../../store/async-book.js';
import { busyTimeout } from '../../store/busy-timeout.js';
import { isPostgresUrl } from '../../store/pg-store.js';
import { openQueue, queueName } from '../../queue/part-queue.js';
import { DEFAULT_PART_TIMEOUT_S, DEFAULT_PAYEES_PER_PART, queuedSettle } from '../../queue/queued-settle.js';
import { UsageError } from '../args.js';
import { progressReporter } from '../progress.js';
import { isApprovalRefusal } from '../../store/policies/located.js';
import type { RunResult } from '../../store/types.js';
import { formatDiagnostic } from '../../engine/index.js';

const usage = `usage: ratecard run --db FILE --policy FILE --payees payees.csv --facts facts.csv --from YYYY-MM --to YYYY-MM [options]

  --db FILE|URL          the settlement store: an SQLite file, or postgres://user@host:port/db; created on first use
  --policy FILE          the policy (YAML); once the policy has versions in the registry (ratecard
                         policy), only the approved version in force for every month posts
  --policy-id P          post with the registry's approved versions instead: each month under the
                         version in force then, one run per version
  --payees FILE          payees.csv: payee_id, channel_type, ...
  --facts FILE           facts.csv: period, payee_id and the facts the policy declares
  --transactions FILE    transactions.csv, for policies that pay per transaction
  --params FILE          YAML map of parameter overrides, deep-merged over the policy's values
  --from YYYY-MM         first month of the run
  --to YYYY-MM           last month of the run
  --by NAME              who starts the run (default: $USER)
  --encoding E           CSV encoding: auto (default: UTF-8 when valid, else GB18030), utf8, gb18030
                         or gbk; tables may also be Excel .xlsx
  --busy-timeout MS      how long to wait for another writer before reporting the store busy (default 5000)
  --queue                settle in parts by \`ratecard worker\` processes (PostgreSQL only): the run is split
                         into parts of whole payees, queued in the database, and posted as one run once
                         every part is settled (the statement is the same as settled here)
  --payees-per-part N    payees in a part at most (default ${DEFAULT_PAYEES_PER_PART})
  --part-timeout S       seconds a worker may take for a part before another takes it (default ${DEFAULT_PART_TIMEOUT_S})

Open months get their lines (replacing what an earlier run posted for them); closed months are
settled again and every difference is posted as an adjustment in the first open month. A run
that would post exactly what is posted changes nothing and says so. Exit 3: refused because the
policy is not an approved version in force.`;

const wholeNumber = (text: string | undefined, flag: string): number | undefined => {
  if (text === undefined) return undefined;
  if (!/^[1-9]\d{0,8}$/.test(text)) throw new UsageError(`--${flag} must be a whole number, at least 1, got \`${text}\``);
  return Number(text);
};

/** The queue of parts on the store's database, for `--queue`. */
async function queueOf(db: string, o: { 'payees-per-part'?: string; 'part-timeout'?: string }, stderr: (t: string) => void) {
  if (!isPostgresUrl(db)) throw new UsageError('--queue needs the store on PostgreSQL (`--db postgres://…`): its workers take the parts from there');
  const partTimeoutSeconds = wholeNumber(o['part-timeout'], 'part-timeout') ?? DEFAULT_PART_TIMEOUT_S;
  const payeesPerPart = wholeNumber(o['payees-per-part'], 'payees-per-part');
  // upkeep (giving the parts of vanished workers to others) at least twice per part timeout
  const boss = await openQueue(db, { maintenanceSeconds: Math.max(1, Math.min(60, Math.floor(partTimeoutSeconds / 2))), onError: (e) => stderr(`ratecard run: ${queueName(db)}: ${e.message}\n`) });
  return { boss, options: { payeesPerPart, partTimeoutSeconds, onProgress: progressReporter(process.stderr.isTTY === true, stderr) } };
}

const command: Command = {
  name: 'run',
  summary: 'settle a range into the settlement store (closed months get adjustments)',
  usage,
  async run(args, io) {
    const { values: o } = parseOptions(args, {
      db: { type: 'string' }, policy: { type: 'string' }, 'policy-id': { type: 'string' }, payees: { type: 'string' }, facts: { type: 'string' },
      transactions: { type: 'string' }, params: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, by: { type: 'string' }, encoding: { type: 'string' },
      'busy-timeout': { type: 'string' }, queue: { type: 'boolean' }, 'payees-per-part': { type: 'string' }, 'part-timeout': { type: 'string' },
    });
    const db = required(o.db, 'db');
    if (o.policy !== undefined && o['policy-id'] !== undefined) throw new UsageError('give --policy FILE or --policy-id P, not both');
    const policy = o['policy-id'] === undefined ? required(o.policy, 'policy') : undefined;
    const files = { payees: required(o.payees, 'payees'), facts: required(o.facts, 'facts'), transactions: o.transactions, encoding: encodingOption(o.encoding) };
    const from = required(o.from, 'from');
    const to = required(o.to, 'to');
    if (o.params !== undefined && policy === undefined) throw new UsageError('--params changes a policy file: approved versions post as approved');
    if (o.queue && policy === undefined) throw new UsageError('--queue posts one policy file: give --policy FILE (or leave out --queue)');
    const source = policy === undefined ? undefined : { policy: readSource(policy, 'policy'), overrides: o.params ? readSource(o.params, 'params') : undefined };
    const dataset = await readDatasetFiles(files);
    const startedBy = o.by ?? io.env.USER ?? 'cli';
    const queued = o.queue ? await queueOf(db, o, io.stderr) : undefined;
    let results: RunResult[];
    try {
      results = await AsyncSettlementBook.using(db, { busyTimeoutMs: busyTimeout(o['busy-timeout']) }, async (book) => {
        if (source === undefined) return book.runApproved({ policyId: o['policy-id']!, dataset, from, to, startedBy });
        const request = { ...source, dataset, from, to, startedBy };
        const settle = queued && queuedSettle({ ...queued.options, boss: queued.boss, source: request, where: queueName(db) });
        return [await book.run({ ...request, settle })];
      });
    } catch (e) {
      if (!isApprovalRefusal(e)) throw e;
      for (const d of e.diagnostics) io.stderr(formatDiagnostic(d) + '\n');
      return 3;
    } finally {
      await queued?.boss.stop({ graceful: false, wait: true });
    }
    for (const { run, unchanged } of results) {
      const range = run.from === run.to ? run.from : `${run.from} to ${run.to}`;
      const named = o['policy-id'] === undefined ? run.policyId : `${run.policyId}@${run.policyVersion}`;
      io.stdout(unchanged
        ? `${run.id}: ${named} ${range} unchanged: ${run.lineCount} lines and ${run.adjustmentCount} adjustments already posted, total ${run.totals.total}\n`
        : `${run.id}: ${named} ${range} posted ${run.lineCount} lines and ${run.adjustmentCount} adjustments, total ${run.totals.total} → ${isPostgresUrl(db) ? new URL(db).host : db}\n`);
    }
    return 0;
  },
};
export default command;

// `ratecard statement`: the posted lines of a policy from the settlement store, as CSV (the
// columns of `ratecard settle`, byte for byte reproducible), JSON with traces and run ids, or
// payee statements (对账单) as xlsx, html or pdf; optionally replayed as of a date.
import { errorAt, RatecardError, totalsOf } from '../../engine/index.js';
import { parseOptions, required, UsageError } from '../args.js';
import type { Command } from '../command.js';
import { readSource, writeAtomic } from '../files.js';
import { isPayeeStatementFormat, payeeStatementFormatOf, renderPayeeStatements } from '../formats/payee-statement-file.js';
import { STATEMENT_LANGUAGES, type StatementLanguage } from '../formats/payee-statement.js';
import { payeesOfTable } from '../formats/payee-table.js';
import { postedPolicy, readStoreStatement, storeStatementInput } from '../formats/store-statement.js';
import { encodingOption, readTableFile } from '../formats/table-file.js';
import { AsyncSettlementBook } from '../../store/async-book.js';
import { postedToCsv } from '../../store/statement-csv.js';

const usage = `usage: ratecard statement --db FILE --policy-id ID [--payee ID] [--from YYYY-MM] [--to YYYY-MM] [--as-of DATE] [--out FILE]

  --db FILE|URL          the settlement store: an SQLite file, or postgres://user@host:port/db
  --policy-id ID         the policy's id
  --payee ID             one payee only
  --from YYYY-MM         first month (default: the first posted)
  --to YYYY-MM           last month (default: the last posted)
  --as-of DATE           the statement as it stood then (YYYY-MM-DD, to the end of that day UTC,
                         or an ISO 8601 time): the runs started by then; later adjustments left out
  --out FILE             statement.csv or statement.json, or payee statements (对账单) as
                         statements.xlsx, .html or .pdf (default: CSV on standard output)
  --format F             csv, json, xlsx, html or pdf, when --out has another extension
  --payees FILE          payees.csv or .xlsx: names and attributes for the payee statements
                         (the store keeps payee ids only)
  --policy FILE          the policy as it was run (repeatable, one per version): its name and the
                         简体中文 titles of its rules label the payee statements; a file that
                         posted no run of the policy is refused
  --encoding E           the payees file's encoding: auto (default), utf8, gb18030 or gbk
  --lang zh-CN|en        the payee statements' explanations: 简体中文 (default) or English
  --sheet-rows N         most rows on one xlsx sheet (default Excel's 1,048,576); longer
                         statements continue on the next sheet, never split inside one

Adjustments for closed months are lines of the month they were posted in, named
\`<line>@<month corrected>\`; the JSON has each line's trace, run, the version that paid it and
what it adjusts, and the closed months. Payee statements name the version that paid each month.`;

const positive = (value: string | undefined, flag: string): number | undefined => {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`--${flag} must be a positive whole number, got \`${value}\``);
  return Number(value);
};

const language = (value: string | undefined): StatementLanguage | undefined => {
  if (value !== undefined && !(STATEMENT_LANGUAGES as readonly string[]).includes(value)) throw new UsageError(`--lang must be zh-CN or en, got \`${value}\``);
  return value as StatementLanguage | undefined;
};

const command: Command = {
  name: 'statement',
  summary: 'write a policy\'s posted lines from the settlement store (CSV, JSON; 对账单 as xlsx, html, pdf)',
  usage,
  async run(args, io) {
    const { values: o } = parseOptions(args, {
      db: { type: 'string' }, 'policy-id': { type: 'string' }, payee: { type: 'string' }, from: { type: 'string' },
      to: { type: 'string' }, out: { type: 'string' }, format: { type: 'string' }, 'as-of': { type: 'string' },
      payees: { type: 'string' }, policy: { type: 'string', multiple: true }, encoding: { type: 'string' }, lang: { type: 'string' }, 'sheet-rows': { type: 'string' },
    });
    const format = o.format ?? payeeStatementFormatOf(o.out) ?? (o.out?.toLowerCase().endsWith('.json') ? 'json' : 'csv');
    if (format !== 'csv' && format !== 'json' && !isPayeeStatementFormat(format)) throw new UsageError(`--format must be csv, json, xlsx, html or pdf, got \`${format}\``);
    if ((format === 'xlsx' || format === 'pdf') && !o.out) throw new UsageError(`--format ${format} writes a file: give --out FILE.${format}`);
    // `--lang` is taken by the CLI for every command (as RATECARD_LANG); documents default to 简体中文
    const lang = language(o.lang ?? io.env.RATECARD_LANG);
    const maxRows = positive(o['sheet-rows'], 'sheet-rows');
    const payees = o.payees ? payeesOfTable(await readTableFile(o.payees, 'payees', encodingOption(o.encoding))) : [];
    const query = { policyId: required(o['policy-id'], 'policy-id'), payeeId: o.payee, from: o.from, to: o.to };
    const asOf = o['as-of'];
    const { statement, closed } = await AsyncSettlementBook.using(required(o.db, 'db'), { mustExist: true }, async (book) => ({
      statement: await readStoreStatement(book, { ...query, asOf }),
      closed: asOf === undefined ? await book.closedPeriods(query.policyId) : undefined,
    }));
    const { lines } = statement;
    const sources = (o.policy ?? []).map((f) => readSource(f, 'policy'));
    const policy = postedPolicy(query.policyId, statement.runs, sources);
    if (sources.length && !policy) {
      throw new RatecardError([errorAt({ file: sources[0].file, line: 1, column: 1 }, 'policy', `no run of \`${query.policyId}\` in the store was settled with this text${sources.length > 1 ? ' (nor with the other --policy files)' : ''}: give the version that was run`, 'policy-mismatch')]);
    }
    const text = isPayeeStatementFormat(format)
      ? await renderPayeeStatements(format, storeStatementInput(query.policyId, statement, payees, lang, policy), { out: o.out ?? '', chromium: io.env.RATECARD_CHROMIUM }, { maxRows })
      : format === 'csv' ? postedToCsv(lines)
      : JSON.stringify({ ...query, ...(asOf === undefined ? { closed } : { asOf, before: statement.before, repostedAfter: statement.repostedAfter }), lines, totals: totalsOf(lines) }, null, 2) + '\n';
    for (const period of statement.repostedAfter) {
      io.stderr(`note: ${period} was posted again after ${asOf} while it was open; the store keeps an open month's latest lines only, so the statement leaves it out\n`);
    }
    if (o.out) {
      writeAtomic(o.out, text);
      io.stderr(`${lines.length} posted lines of ${query.policyId}${asOf === undefined ? '' : ` as of ${asOf}`} → ${o.out}\n`);
    } else io.stdout(typeof text === 'string' ? text : Buffer.from(text).toString('utf8'));
    return 0;
  },
};
export default command;

// `ratecard settle`: settle payees and facts under one policy and write the statement.
import { langFromEnv, localizeStatement, settle, settleVersions, statementToCsv, statementToJson, unitsOf, type CompiledPolicy, type PayeeRecord, type Statement } from '../../engine/index.js';
import { parseOptions, required, UsageError } from '../args.js';
import type { Command } from '../command.js';
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { settleInParts } from '../../runner/settle-in-parts.js';
import { readSource, writeAtomic } from '../files.js';
import { isPayeeStatementFormat, payeeStatementFormatOf, renderPayeeStatements } from '../formats/payee-statement-file.js';
import { encodingOption } from '../formats/table-file.js';
import { loadDatasetFiles, loadPolicyFile } from '../load.js';
import { progressReporter } from '../progress.js';

const fileSize = (path: string) => { try { return statSync(path).size; } catch { return 0; } };

const usage = `usage: ratecard settle --policy FILE --payees payees.csv --facts facts.csv [options]

  --policy FILE          the policy (YAML); give it once per version to settle a range that spans
                         an amendment: each month under the version in force (effective.from)
  --payees FILE          payees.csv: payee_id, channel_type, ...
  --facts FILE           facts.csv: period, payee_id and the facts the policy declares
  --transactions FILE    transactions.csv, for policies that pay per transaction
  --params FILE          YAML map of parameter overrides, deep-merged over the policy's values
  --from YYYY-MM         first month on the statement (default: first month with facts)
  --to YYYY-MM           last month on the statement (default: last month with facts)
  --out FILE             statement.csv, statement.json, or payee statements (对账单) as
                         statements.xlsx, .html or .pdf (default: CSV on standard output;
                         a PDF needs playwright-core and Chromium: RATECARD_CHROMIUM or
                         /usr/bin/chromium)
  --format csv|json|xlsx|html|pdf  output format when --out has another extension
  --withheld             add withheld items (gates, vetoes, floors) to the CSV as zero rows, and to
                         payee statements with their reasons
  --encoding E           CSV encoding: auto (default: UTF-8 when valid, else GB18030), utf8, gb18030
                         or gbk; payees, facts and transactions may also be Excel .xlsx
  --workers N|auto       settle in parts of whole payees over N worker threads (auto: all cores
                         when facts.csv is over 20 MB); the statement is the same either way
  --budget N             refuse a run that would take more than N rule evaluations (payee-months ×
                         rules, plus transactions × the rules paying on them), before any work
  --lang en|zh-CN        language of explanations and withheld reasons (default: the locale,
                         LANG=zh_CN.UTF-8 gives 简体中文), in one process or in parts alike
  --no-progress          no progress line on the terminal`;

const command: Command = {
  name: 'settle',
  summary: 'settle payees and facts under a policy and write the statement (CSV, JSON; 对账单 as xlsx, html, pdf)',
  usage,
  async run(args, io) {
    const { values: o } = parseOptions(args, {
      policy: { type: 'string', multiple: true }, payees: { type: 'string' }, facts: { type: 'string' }, transactions: { type: 'string' },
      params: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' },
      budget: { type: 'string' }, format: { type: 'string' }, withheld: { type: 'boolean' }, 'no-progress': { type: 'boolean' }, workers: { type: 'string' }, encoding: { type: 'string' },
    });
    const format = o.format ?? payeeStatementFormatOf(o.out) ?? (o.out?.toLowerCase().endsWith('.json') ? 'json' : 'csv');
    if (format !== 'csv' && format !== 'json' && !isPayeeStatementFormat(format)) throw new UsageError(`--format must be csv, json, xlsx, html or pdf, got \`${format}\``);
    if ((format === 'xlsx' || format === 'pdf') && !o.out) throw new UsageError(`--format ${format} writes a file: give --out FILE.${format}`);
    const files = { payees: required(o.payees, 'payees'), facts: required(o.facts, 'facts'), transactions: o.transactions, encoding: encodingOption(o.encoding) };
    // runs in parts read CSV in UTF-8 only
    const utf8Csv = files.encoding !== 'gb18030' && ![files.payees, files.facts, files.transactions].some((f) => f && /\.xlsx$/i.test(f));
    const workers = o.workers === undefined || o.workers === 'auto'
      ? (utf8Csv && fileSize(files.facts) > 20 * 1024 * 1024 ? availableParallelism() : 0)
      : Number(o.workers);
    if (!Number.isInteger(workers) || workers < 0) throw new UsageError(`--workers must be a whole number or auto, got \`${o.workers}\``);
    if (workers > 0 && !utf8Csv) throw new UsageError('--workers reads CSV in UTF-8 only: settle .xlsx or GB18030 tables without --workers');
    const policies = required(o.policy?.length ? o.policy : undefined, 'policy');
    const budget = o.budget === undefined ? undefined : Number(o.budget);
    if (budget !== undefined && !(Number.isSafeInteger(budget) && budget > 0)) throw new UsageError(`--budget must be a whole number of rule evaluations, got \`${o.budget}\``);
    if (budget !== undefined && workers > 0) throw new UsageError('--budget is counted in one process: leave out --workers');
    const lang = langFromEnv(io.env);
    // a CSV statement carries explanations only, in its language (written without traces)
    const detail = format === 'csv' ? 'explanation' : 'trace';
    const render = async (settled: Statement, policy: CompiledPolicy, payees: PayeeRecord[]) => {
      const statement = localizeStatement(settled, lang, { units: unitsOf(policy) });
      return isPayeeStatementFormat(format)
      ? renderPayeeStatements(format, { policy, payees, lines: statement.lines, withheld: o.withheld ? statement.withheld : [] }, { out: o.out ?? '', chromium: io.env.RATECARD_CHROMIUM })
      : format === 'json' ? statementToJson(statement) : statementToCsv(statement, { withheld: o.withheld, lang });
    };
    if (policies.length > 1) {
      if (workers > 0) throw new UsageError('a range over several policy versions settles in one process: leave out --workers');
      const versions = [];
      for (const file of policies) {
        const policy = loadPolicyFile(file, o.params);
        versions.push({ policy, dataset: await loadDatasetFiles(policy, files) });
      }
      const statement = settleVersions(versions, { from: o.from, to: o.to, detail, budget });
      const latest = versions[versions.length - 1];
      const text = await render(statement, latest.policy, latest.dataset.covered);
      const summary = `${statement.lines.length} lines, ${statement.from} to ${statement.to} under ${statement.versions.map((v) => `version ${v.version} (${v.from} to ${v.to})`).join(', ')}, total ${statement.totals.total}`;
      if (o.out) { writeAtomic(o.out, text); io.stderr(`${summary} → ${o.out}\n`); } else io.stdout(text as string);
      return 0;
    }
    if (workers > 0) {
      if (format !== 'csv' && format !== 'json') throw new UsageError('--workers writes CSV or JSON: settle payee statements (xlsx, html) without --workers');
      const summary = await settleInParts({
        policy: readSource(policies[0], 'policy'),
        overrides: o.params ? readSource(o.params, 'params') : undefined,
        files, from: o.from, to: o.to, workers, format, withheld: o.withheld, lang,
        out: required(o.out, 'out (a run in parts writes to a file)'),
        onProgress: progressReporter(!o['no-progress'] && !!process.stderr.isTTY, io.stderr),
      });
      io.stderr(`${summary.lines} lines for ${summary.payees} payees, ${summary.from} to ${summary.to}, total ${summary.totals.total} → ${o.out} (${summary.parts} parts, ${summary.workers} workers)\n`);
      return 0;
    }
    const policy = loadPolicyFile(policies[0], o.params);
    const dataset = await loadDatasetFiles(policy, files);
    const statement = settle(policy, dataset, {
      from: o.from, to: o.to, detail, lang, budget,
      onProgress: progressReporter(!o['no-progress'] && !!process.stderr.isTTY && dataset.covered.length >= 5000, io.stderr),
    });
    const text = await render(statement, policy, dataset.covered);
    if (o.out) {
      writeAtomic(o.out, text);
      io.stderr(`${statement.lines.length} lines for ${dataset.covered.length} payees, ${statement.from} to ${statement.to}, total ${statement.totals.total} → ${o.out}\n`);
    } else io.stdout(text as string); // a workbook or a PDF always goes to --out
    return 0;
  },
};
export default command;

// `ratecard explain`: why did this payee get this amount? Settles and prints the trace of
// every line of one payee (and every rule that was withheld, did not apply or came to 0),
// optionally one month and one line.
import { errorAt, explainLine, langFromEnv, msg, RatecardError, render, settle, unitsOf } from '../../engine/index.js';
import { parseOptions, required } from '../args.js';
import type { Command } from '../command.js';
import { encodingOption } from '../formats/table-file.js';
import { loadDatasetFiles, loadPolicyFile } from '../load.js';

const command: Command = {
  name: 'explain',
  summary: "show why a payee got each amount: conditions with values, formula with numbers",
  usage: `usage: ratecard explain --policy FILE --payees FILE --facts FILE [--transactions FILE] [--params FILE]
                        --payee ID [--period YYYY-MM] [--line NAME] [--from YYYY-MM --to YYYY-MM]
                        [--encoding auto|utf8|gb18030] [--lang en|zh-CN]

Tables are CSV (UTF-8 or GB18030/GBK, detected unless --encoding says) or Excel .xlsx. The
explanation is in the language of --lang, else of the locale (LANG=zh_CN.UTF-8: 简体中文, with
shares as percentages and amounts in yuan).`,
  async run(args, io) {
    const { values: o } = parseOptions(args, {
      policy: { type: 'string' }, payees: { type: 'string' }, facts: { type: 'string' }, transactions: { type: 'string' },
      params: { type: 'string' }, payee: { type: 'string' }, period: { type: 'string' }, line: { type: 'string' },
      from: { type: 'string' }, to: { type: 'string' }, encoding: { type: 'string' },
    });
    const policy = loadPolicyFile(required(o.policy, 'policy'), o.params);
    const dataset = await loadDatasetFiles(policy, { payees: required(o.payees, 'payees'), facts: required(o.facts, 'facts'), transactions: o.transactions, encoding: encodingOption(o.encoding) });
    const payee = required(o.payee, 'payee');
    const record = dataset.payees.find((p) => p.payeeId === payee);
    if (!record) {
      throw new RatecardError([errorAt({ file: dataset.files.payees, line: 1, column: 1 }, 'payee_id', msg('data.unknown-payee-explain', { id: payee, file: dataset.files.payees }), 'unknown-payee')]);
    }
    if (!dataset.covered.includes(record)) {
      throw new RatecardError([errorAt(record.location, 'channel_type',
        msg('data.payee-not-covered', { id: payee, type: record.channelType, policy: policy.id, types: policy.layout.channelTypes }), 'payee-not-covered')]);
    }
    // `unpaid`: the rules that made no line too, each saying whether it did not apply or came to 0
    const statement = settle(policy, dataset, { from: o.from ?? o.period, to: o.to ?? o.period, unpaid: true });
    const pick = <T extends { payeeId: string; period: string; line: string }>(list: T[]) =>
      list.filter((l) => l.payeeId === payee && (!o.period || l.period === o.period) && (!o.line || l.line === o.line));
    const items = [...pick(statement.lines), ...pick(statement.withheld), ...pick(statement.unpaid ?? [])]
      .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
    const lang = langFromEnv(io.env);
    if (!items.length) {
      io.stdout(`${render(msg('explain.no-lines', { payee, period: o.period, line: o.line }), lang)}\n`);
      return 0;
    }
    const units = unitsOf(policy);
    io.stdout(items.map((item) => explainLine(item, lang, { units })).join('\n\n') + '\n');
    return 0;
  },
};
export default command;

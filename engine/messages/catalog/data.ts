// Messages about data files: CSV and spreadsheet tables of payees, facts and transactions.
import { entry } from '../message.js';
import { ticks, zhTicks } from '../format.js';

export const dataMessages = {
  'text': entry((p: { text: string }) => p.text, (p) => p.text),
  // the limits on the size of exact numbers (engine/exact/limits.ts)
  'limit.digits': entry(
    (p: { text: string; digits: string; limit: number }) => `\`${p.text}\` has ${p.digits} significant digits, over the limit of ${p.limit} digits for a number`,
    (p) => `\`${p.text}\` 有 ${p.digits} 位有效数字，超过了数字最多 ${p.limit} 位的限制`),
  'limit.integer-digits': entry(
    (p: { text: string; limit: number }) => `\`${p.text}\` is too large: over the limit of ${p.limit} digits before the decimal point`,
    (p) => `\`${p.text}\` 太大：整数部分超过了 ${p.limit} 位的限制`),
  'limit.places': entry(
    (p: { text: string; limit: number }) => `\`${p.text}\` is too precise: over the limit of ${p.limit} decimal places`,
    (p) => `\`${p.text}\` 太精确：超过了 ${p.limit} 位小数的限制`),
  'limit.bits': entry(
    (p: { bits: string; digits: string }) => `a computed value needs more than ${p.bits} bits (about ${p.digits} digits), the limit on the size of exact values`,
    (p) => `计算所得的值需要超过 ${p.bits} 位二进制（约 ${p.digits} 位数字），超出了精确数值的大小限制`),
  'limit.text': entry(
    (p: { text: string }) => `\`${p.text}\` is too large or too precise for an exact value`,
    (p) => `\`${p.text}\` 太大或太精确，无法作为精确数值`),
  'limit.round-places': entry(
    (p: { places: string }) => `cannot round to ${p.places} decimal places`,
    (p) => `无法舍入到 ${p.places} 位小数`),
  'data.empty-file': entry(
    () => 'the file is empty: expected a header row',
    () => '文件为空：应有一行表头'),
  'data.missing-column': entry(
    (p: { name: string; why: 'payee' | 'read' | 'required'; header: string[] }) =>
      `missing column \`${p.name}\`${p.why === 'payee' ? ' (every payee needs an id and a channel type)' : p.why === 'read' ? ' read by the policy' : ' required by the policy'}; the header has ${ticks(p.header)}`,
    (p) => `缺少${p.why === 'payee' ? '' : '政策所需的'}列 \`${p.name}\`${p.why === 'payee' ? '（每个收款方都需要编号和渠道类型）' : ''}；表头中有 ${zhTicks(p.header)}`),
  'data.bad-period': entry(
    (p: { text: string }) => p.text === '' ? 'expected a month as YYYY-MM, got an empty cell' : `expected a month as YYYY-MM, got \`${p.text}\``,
    (p) => p.text === '' ? '此处应为 YYYY-MM 格式的月份，实际为空单元格' : `此处应为 YYYY-MM 格式的月份，实际为 \`${p.text}\``),
  'data.empty-text': entry(
    () => 'expected text, got an empty cell',
    () => '此处应为文本，实际为空单元格'),
  'data.expected-scalar': entry(
    (p: { expected: string; got?: string }) => `expected ${p.expected}, got ${p.got === undefined ? 'an empty cell' : `\`${p.got}\``}`,
    (p) => `此处应为${p.expected}，实际为${p.got === undefined ? '空单元格' : ` \`${p.got}\``}`),
  'data.missing-transactions': entry(
    () => 'this policy pays on transactions: give a transactions file (`--transactions tx.csv`)',
    () => '本政策按交易计酬：请提供交易文件（`--transactions tx.csv`）'),
  'data.missing-payee-id': entry(
    () => 'missing payee id',
    () => '缺少收款方编号'),
  'data.duplicate-payee': entry(
    (p: { id: string; line: number }) => `duplicate payee \`${p.id}\`, first on line ${p.line}`,
    (p) => `收款方 \`${p.id}\` 重复，首次出现在第 ${p.line} 行`),
  'data.unknown-channel-type': entry(
    (p: { type: string; expected: string[] }) => `unknown channel type \`${p.type}\`, expected one of ${ticks(p.expected)}`,
    (p) => `未知渠道类型 \`${p.type}\`，应为 ${zhTicks(p.expected)} 之一`),
  'data.no-covered-payee': entry(
    (p: { types: string[] }) => `no payee has channel type ${ticks(p.types, ' or ')}, so the policy pays no one`,
    (p) => `没有渠道类型为 ${ticks(p.types, ' 或 ')} 的收款方，本政策不向任何人付款`),
  'data.duplicate-fact-row': entry(
    (p: { id: string; period: string; line: number }) => `duplicate row for payee \`${p.id}\` in ${p.period}, first on line ${p.line}`,
    (p) => `收款方 \`${p.id}\` 在 ${p.period} 的行重复，首次出现在第 ${p.line} 行`),
  'data.missing-id': entry(
    (p: { column: string }) => `missing \`${p.column}\``,
    (p) => `缺少 \`${p.column}\``),
  'data.duplicate-transaction': entry(
    (p: { id: string; line: number }) => `duplicate transaction \`${p.id}\`, first on line ${p.line}`,
    (p) => `交易 \`${p.id}\` 重复，首次出现在第 ${p.line} 行`),
  'data.unknown-payee': entry(
    (p: { id: string; file?: string; more?: number }) => `unknown payee \`${p.id}\`${p.file ? `: not in ${p.file}` : ''}${p.more ? ` (also on ${p.more} more row${p.more === 1 ? '' : 's'})` : ''}`,
    (p) => `未知收款方 \`${p.id}\`${p.file ? `：不在 ${p.file} 中` : ''}${p.more ? `（另有 ${p.more} 行同样如此）` : ''}`),
  'data.unclosed-quote': entry(
    () => 'unclosed quote: the quoted cell that starts here runs to the end of the file; close it with `"` (write `""` for a quote inside it)',
    () => '引号未闭合：从这里开始的带引号单元格一直延续到文件末尾；请用 `"` 闭合（单元格内的引号写作 `""`）'),
  'data.unknown-payee-explain': entry(
    (p: { id: string; file: string }) => `unknown payee \`${p.id}\`: not in ${p.file}`,
    (p) => `未知收款方 \`${p.id}\`：不在 ${p.file} 中`),
  'data.payee-not-covered': entry(
    (p: { id: string; type: string; policy: string; types: string[] }) => `payee \`${p.id}\` is a \`${p.type}\`: the policy \`${p.policy}\` applies to ${ticks(p.types)}`,
    (p) => `收款方 \`${p.id}\` 的渠道类型是 \`${p.type}\`：政策 \`${p.policy}\` 只适用于 ${zhTicks(p.types)}`),
};

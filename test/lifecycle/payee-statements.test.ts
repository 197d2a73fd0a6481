// Payee statements (对账单): `ratecard settle --out x.xlsx|x.html` per payee and month, read back:
// payee and attributes, policy version, every line with its Chinese explanation, refunds linked
// to the deductions they return, totals that add up to the cent, sheets that split cleanly.
import { readFileSync } from 'node:fs';
import readXlsxFile from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { Exact, loadPolicy, readDataset, settle, type Statement } from '../../engine/index.js';
import { payeeStatements, type PayeeStatement } from '../../cli/formats/payee-statement.js';
import { payeeStatementsHtml } from '../../cli/formats/statement-html.js';
import { moneyCell, payeeStatementsXlsx } from '../../cli/formats/statement-xlsx.js';
import { runCli, scratch, settleArgs } from '../fixtures/run-cli.js';

const src = (file: string) => ({ file, text: readFileSync(file, 'utf8') });
type Sheets = { sheet: string; data: unknown[][] }[];
const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

let statement: Statement;
let list: PayeeStatement[];
beforeAll(() => {
  const loaded = loadPolicy(src('policies/rural-contract.yaml'));
  if (!loaded.ok) throw new Error('policy');
  const data = readDataset({ payees: src('data/scenarios/rural-contract/payees.csv'), facts: src('data/scenarios/rural-contract/facts.csv') }, loaded.policy);
  if (!data.ok) throw new Error('data');
  statement = settle(loaded.policy, data.dataset, {});
  list = payeeStatements({ policy: loaded.policy, payees: data.dataset.payees, lines: statement.lines, withheld: statement.withheld });
});

/** Sum of the statement's lines for one payee and month, by the engine. */
const engineTotal = (payee: string, period: string) =>
  statement.lines.filter((l) => l.payeeId === payee && l.period === period).reduce((s, l) => s.add(Exact.parse(l.amount)), Exact.ZERO);

describe('payee statements as .xlsx', () => {
  let sheets: Sheets;
  beforeAll(async () => {
    const dir = scratch('ratecard-statement-');
    const out = dir.path('statements.xlsx');
    const run = await runCli([...settleArgs('rural-contract'), '--withheld', '--out', out]);
    expect(run.code).toBe(0);
    sheets = (await readXlsxFile(readFileSync(out))) as Sheets;
  });

  it('has a summary row per payee and month whose totals are the statement\'s to the cent', () => {
    expect(sheets.map((s) => s.sheet)).toEqual(['汇总', '对账单']);
    const [head, ...rows] = sheets[0].data;
    expect(head).toEqual(['收款方', '名称', '账期', '酬金', '扣减', '返还', '奖励', '应付合计']);
    expect(rows).toHaveLength(6 * 12);
    for (const r of rows) {
      const [payee, , period, ...amounts] = r.map(text);
      const byKind = amounts.slice(0, 4).reduce((s, a) => s.add(Exact.parse(a)), Exact.ZERO);
      expect(Exact.parse(amounts[4]).eq(byKind)).toBe(true);
      expect(Exact.parse(amounts[4]).eq(engineTotal(payee, period))).toBe(true);
    }
    expect(rows[0].slice(0, 3)).toEqual(['R01', 'Rural point R01', '2025-01']);
  });

  it('shows a statement with the payee, its attributes, the policy version, every line explained and its totals', () => {
    const rows = sheets[1].data.map((r) => r.map(text));
    const start = rows.findIndex((r) => r[0] === '渠道酬金对账单 R02 2025-03');
    const end = rows.findIndex((r, i) => i > start && r[1] === '应付合计');
    const block = rows.slice(start, end + 1);
    expect(block.slice(1, 7).map((r) => r.filter(Boolean))).toEqual([
      ['收款方', 'R02', 'Rural point R02'],
      ['渠道类型', 'rural_contract'],
      ['region', 'south'],
      ['parent_id', 'county-01'],
      ['账期', '2025-03'],
      ['政策', 'rural-contract', 'Contracted rural points 第 1 版'],
    ]);
    expect(block[7]).toEqual(['项目', '说明', '类型', '金额（元）', '计算说明']);
    const lines = statement.lines.filter((l) => l.payeeId === 'R02' && l.period === '2025-03');
    const shown = block.slice(8, 8 + lines.length);
    expect(shown.map((r) => r[0])).toEqual(lines.map((l) => l.line));
    shown.forEach((r, i) => expect(Exact.parse(r[3]).eq(Exact.parse(lines[i].amount))).toBe(true));
    const deduction = shown.find((r) => r[0] === 'under_completion')!;
    expect(deduction[2]).toBe('扣减');
    expect(deduction[4]).toMatch(/^计算：-\(base \* min\(max_deduction, step_rate \* floor\(\(1 - completion\) \/ step\)\)\) = .+。依据：revenue_plan 72000 > 0；completion 0\.948 < 1/);
    expect(Exact.parse(block[block.length - 1][3]).eq(engineTotal('R02', '2025-03'))).toBe(true);
  });

  it('links a refund to the deductions it returns, and a deduction to the refund that returned it', () => {
    const rows = sheets[1].data.map((r) => r.map(text));
    const refund = rows.find((r) => r[0] === 'refund')!;
    expect(refund[4]).toMatch(/^返还 2025-Q\d 扣减 [\d.]+ 的 \d+% = [\d.]+（对应 (\d{4}-\d{2} under_completion -[\d.]+)(、\d{4}-\d{2} under_completion -[\d.]+)*）/);
    expect(rows.some((r) => r[0] === 'under_completion' && /已返还：\d{4}-\d{2} refund \d+%/.test(r[4]))).toBe(true);
  });

  it('lists what was withheld and why', () => {
    const rows = sheets[1].data.map((r) => r.map(text));
    const withheld = rows.filter((r) => r[1] === '未发放');
    expect(withheld.length).toBe(statement.withheld.length);
    expect(withheld[0][4]).toMatch(/collection gate: fee_ratio [\d.]+…? ≥ fee_gate 0\.98 is not met（应发 [\d.]+）$/);
  });
});

describe('sheets split cleanly', () => {
  it('continues on 对账单 2, 3… without splitting a statement, and keeps every line', async () => {
    const sheets = (await readXlsxFile(Buffer.from(await payeeStatementsXlsx(list, { maxRows: 40 })))) as Sheets;
    const pages = sheets.filter((s) => s.sheet.startsWith('对账单'));
    expect(pages.map((s) => s.sheet)).toEqual(pages.map((_, i) => (i ? `对账单 ${i + 1}` : '对账单')));
    expect(pages.length).toBeGreaterThan(10);
    for (const p of pages) {
      expect(p.data.length).toBeLessThanOrEqual(40);
      expect(text(p.data[0][0])).toMatch(/^渠道酬金对账单 /);
    }
    const titles = pages.flatMap((p) => p.data.filter((r) => /^渠道酬金对账单 /.test(text(r[0]))));
    expect(titles).toHaveLength(list.length);
    const summaries = sheets.filter((s) => s.sheet.startsWith('汇总'));
    expect(summaries.length).toBeGreaterThan(1);
    for (const s of summaries) expect(s.data[0][0]).toBe('收款方');
    expect(summaries.reduce((n, s) => n + s.data.length - 1, 0)).toBe(list.length);
  });

  it('writes an amount as a number only when the number is exactly the amount', () => {
    expect(moneyCell('-905.38')).toMatchObject({ value: -905.38, type: Number });
    expect(moneyCell('12345678901234567.89')).toMatchObject({ value: '12345678901234567.89', type: String });
  });
});

describe('payee statements as HTML', () => {
  it('has one section per payee and month, in Chinese, with the totals', async () => {
    const dir = scratch('ratecard-statement-');
    const out = dir.path('statements.html');
    expect((await runCli([...settleArgs('rural-contract'), '--out', out])).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    expect(html.match(/<section>/g)).toHaveLength(72);
    expect(html).toContain('<tr><th>政策</th><td>rural-contract Contracted rural points 第 1 版</td></tr>');
    const r02 = html.slice(html.indexOf('渠道酬金对账单 R02 2025-03'));
    expect(r02.slice(0, r02.indexOf('</section>'))).toContain(`<tfoot><tr><td>应付合计</td><td><span class="num">${engineTotal('R02', '2025-03').toFixed(2)}</span></td></tr></tfoot>`);
  });

  it('escapes what the data says', () => {
    const html = payeeStatementsHtml([{ ...list[0], payee: { ...list[0].payee, name: '<script>x</script> & "co"' } }]);
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt; &amp; &quot;co&quot;');
    expect(html).not.toContain('<script>');
  });

  it('a workbook needs --out', async () => {
    const run = await runCli([...settleArgs('rural-contract'), '--format', 'xlsx']);
    expect(run.stderr).toContain('--format xlsx writes a file: give --out FILE.xlsx');
    expect(run.code).toBe(2);
  });
});

describe('payee statements over policy versions', () => {
  it('names the version that paid each month', async () => {
    const dir = scratch('ratecard-statement-');
    const v2 = dir.write('rural-contract-v2.yaml', readFileSync('policies/rural-contract.yaml', 'utf8').replace(/^version: 1$/m, 'version: 2')
      .replace(/^applies_to:/m, 'effective: { from: 2025-07 }\napplies_to:').replace('    value: 0.02\n', '    value: 0.03\n'));
    const out = dir.path('statements.xlsx');
    const run = await runCli([...settleArgs('rural-contract'), '--policy', v2, '--out', out]);
    expect(run.code).toBe(0);
    const rows = ((await readXlsxFile(readFileSync(out))) as Sheets)[1].data.map((r) => r.map(text));
    const versionOf = (payee: string, period: string) => {
      const start = rows.findIndex((r) => r[0] === `渠道酬金对账单 ${payee} ${period}`);
      return rows.slice(start).find((r) => r[0] === '政策')!.slice(1, 3);
    };
    expect(versionOf('R02', '2025-06')).toEqual(['rural-contract', 'Contracted rural points 第 1 版']);
    expect(versionOf('R02', '2025-07')).toEqual(['rural-contract', 'Contracted rural points 第 2 版']);
    const july = rows.slice(rows.findIndex((r) => r[0] === '渠道酬金对账单 R02 2025-07'));
    expect(july.find((r) => r[0] === 'under_completion')![3]).toBe('-1542.56');
  });
});

// Export to Excel: the preview, its impact and its statement as one .xlsx, read back and checked
// against the engine to the cent; headers in Chinese when the editor is in 中文, in English
// otherwise, explanations and withheld reasons in the editor's language; money as numbers
// formatted ¥ with thousands separators.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareStatements, Exact, LINE_KINDS, totalsOf } from '../../../engine/index.js';
import type { EditorFixture } from './editor-fixture.js';
import { editorPage, retype, ruralStatement, SHOTS } from './editor-page.js';
import { xlsxPart } from './xlsx-parts.js';

const POLICY = 'rural-contract.yaml';
const ed = editorPage(POLICY, { language: 'zh-CN' });
let fx: EditorFixture;
let page: Page;
beforeAll(() => ({ fx, page } = ed));
const statementOf = (text: string) => ruralStatement(fx.dir, text, { detail: 'explanation' });

type Cell = string | number | boolean | Date | null;
/** Every sheet of the exported file, numbers kept as the text the file holds. */
async function exported(): Promise<{ sheets: Map<string, Cell[][]>; styles: string; name: string }> {
  const download = page.waitForEvent('download');
  await page.getByTestId('export-xlsx').click();
  const file = await (await download).path();
  const sheets = await readXlsxFile(file, { parseNumber: (s: string) => s });
  return {
    sheets: new Map(sheets.map((s) => [s.sheet, s.data as Cell[][]])),
    styles: xlsxPart(readFileSync(file), 'xl/styles.xml') ?? '',
    name: (await download).suggestedFilename(),
  };
}

/** The exact amount a money cell holds. */
const amount = (cell: Cell) => Exact.parse(String(cell)).toFixed(2);

describe('export to Excel', { timeout: 90_000 }, () => {
  it('exports the preview, the impact and the statement with Chinese headers and ¥ money, equal to the engine', async () => {
    const saved = readFileSync(join(fx.dir, 'policies', POLICY), 'utf8');
    const edited = saved.replace('    value: 0.02\n', '    value: 0.03\n');
    const before = statementOf(saved), after = statementOf(edited);
    // the statement sheet in 简体中文, as the engine writes it in that language
    const afterZh = ruralStatement(fx.dir, edited, { detail: 'explanation', lang: 'zh-CN' });
    const impact = compareStatements(before, after);
    await retype(page, /^step_rate —/, '3');
    await page.screenshot({ path: join(SHOTS, 'export-zh-CN.png') });

    const { sheets, styles, name } = await exported();
    expect(name).toBe('rural-contract-2025-01-2025-12-试算.xlsx');
    expect([...sheets.keys()]).toEqual(['试算', '影响', '结算单']);
    // Money cells are numbers with the ¥ format and thousands separators.
    expect(styles).toContain('formatCode="&quot;¥&quot;#,##0.00"');

    const preview = sheets.get('试算')!;
    expect(preview[0]).toEqual(['渠道', '名称', '酬金', '扣减', '返还', '奖励', '合计']);
    const payees = [...new Set(after.lines.map((l) => l.payeeId))];
    for (const id of payees) {
      const row = preview.find((r) => r[0] === id)!;
      const totals = totalsOf(after.lines.filter((l) => l.payeeId === id));
      expect(row.slice(2).map(amount)).toEqual([...LINE_KINDS.map((k) => totals.byKind[k]), totals.total]);
    }
    const sum = preview[preview.length - 1];
    expect(sum[0]).toBe('合计');
    expect(sum.slice(2).map(amount)).toEqual([...LINE_KINDS.map((k) => after.totals.byKind[k]), after.totals.total]);

    const impactSheet = sheets.get('影响')!;
    expect(impactSheet[0]).toEqual(['渠道', '已保存', '修改后', '变化']);
    for (const p of impact.payees) {
      const row = impactSheet.find((r) => r[0] === p.payeeId)!;
      expect(row.slice(1).map(amount)).toEqual([p.before, p.after, p.delta]);
    }
    expect(impactSheet[impactSheet.length - 1].slice(1).map(amount)).toEqual([impact.before.total, impact.after.total, impact.delta.total]);

    const statement = sheets.get('结算单')!;
    expect(statement[0]).toEqual(['账期', '渠道', '科目', '类型', '金额', '状态', '说明']);
    const paid = statement.slice(1).filter((r) => r[5] === '已计发');
    const withheld = statement.slice(1).filter((r) => r[5] === '暂扣');
    expect(paid.length).toBe(after.lines.length);
    expect(withheld.length).toBe(after.withheld.length);
    const line = afterZh.lines.find((l) => l.payeeId === 'R02' && l.line === 'under_completion')!;
    expect(line.explanation).toContain('；因为 ');
    expect(paid.find((r) => r[0] === line.period && r[1] === 'R02' && r[2] === 'under_completion')).toEqual([line.period, 'R02', 'under_completion', '扣减', line.amount, '已计发', line.explanation]);
    const total = paid.reduce((s, r) => s.add(Exact.parse(String(r[4]))), Exact.ZERO);
    expect(total.toFixed(2)).toBe(after.totals.total);
    expect(withheld.map((r) => r[6])).toEqual(expect.arrayContaining([afterZh.withheld[0].reason]));
    expect(afterZh.withheld[0].reason).toMatch(/^未发放：/);
  });

  it('heads the sheets in English when the editor is in English', async () => {
    await page.getByLabel('语言').selectOption('en');
    const { sheets, name } = await exported();
    expect(name).toBe('rural-contract-2025-01-2025-12-preview.xlsx');
    expect([...sheets.keys()]).toEqual(['Preview', 'Impact', 'Statement']);
    expect(sheets.get('Preview')![0]).toEqual(['Payee', 'Name', 'Commission', 'Deduction', 'Refund', 'Bonus', 'Total']);
    expect(sheets.get('Statement')![0]).toEqual(['Period', 'Payee', 'Line', 'Kind', 'Amount', 'Status', 'Explanation']);
    await page.screenshot({ path: join(SHOTS, 'export-en.png') });
  });
});

// Excel both ways: a data template per policy (its columns, headed in Chinese with the column in
// brackets, one example row) that reads back when filled; numbers Excel stores with float noise
// (39805.940000000001) read as the 39805.94 it shows, so the preview equals the engine over the
// clean data; a bad cell named as Excel names it (`facts.xlsx!D29`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPolicy, parseCsv, readDataset, settle } from '../../../engine/index.js';
import { formatMoney } from '../../../editor/src/format/money.js';
import type { EditorFixture } from './editor-fixture.js';
import { editorPage, settled, SHOTS } from './editor-page.js';
import { cutTables, seriousViolations } from './page-checks.js';
import { writeXlsx } from './write-xlsx.js';

const POLICY = 'bonus-pool.yaml';
const ed = editorPage(POLICY, { language: 'zh-CN' });
let fx: EditorFixture;
let page: Page;
beforeAll(() => ({ fx, page } = ed));
const csv = (table: string) => parseCsv(readFileSync(join(fx.dir, 'data/bonus-pool', `${table}.csv`), 'utf8')).map((r) => r.cells.map((c) => c.trim()));
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function template(): Promise<Map<string, unknown[][]>> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('template-xlsx').click()]);
  const sheets = await readXlsxFile(readFileSync((await download.path())!));
  return new Map(sheets.map((s) => [s.sheet, s.data as unknown[][]]));
}

/** The CSV's rows under the template's headers (matched by the column in brackets). */
function underHeaders(headers: unknown[], rows: string[][], cell: (column: string, value: string) => string = (_, v) => v): string[][] {
  const columns = headers.map((h) => /\(([^)]+)\)$/.exec(String(h))?.[1] ?? String(h));
  return [headers.map(String), ...rows.slice(1).map((r) => columns.map((c) => cell(c, r[rows[0].indexOf(c)] ?? '')))];
}

async function upload(payees: string[][], facts: string[][]) {
  await page.getByText('加载文件').click();
  await page.getByLabel('渠道表 (.csv/.xlsx)').setInputFiles({ name: 'payees.xlsx', mimeType: XLSX, buffer: writeXlsx(payees) });
  await page.getByLabel('月度指标 (.csv/.xlsx)').setInputFiles({ name: 'facts.xlsx', mimeType: XLSX, buffer: writeXlsx(facts) });
  await page.getByRole('button', { name: '使用这些文件' }).click();
}

describe('Excel both ways', { timeout: 150_000 }, () => {
  it('downloads a template with the policy\'s columns headed in Chinese, one example row', async () => {
    const sheets = await template();
    expect([...sheets.keys()]).toEqual(['payees', 'facts']);
    expect(sheets.get('facts')![0]).toEqual(['账期 (period)', '渠道编码 (payee_id)', '收入 (revenue)', '发展指标得分 (kpi_development)', '服务指标得分 (kpi_service)', '收缴指标得分 (kpi_collection)', '安全事故次数 (safety_incidents)']);
    expect(sheets.get('facts')!.length).toBe(2);
    expect(sheets.get('payees')![0]).toEqual(['渠道编码 (payee_id)', '名称 (name)', '渠道类型 (channel_type)', '区域 (region)', '所属县市 (parent_id)', '团队 (team)']);
    expect(sheets.get('payees')![1].slice(0, 3)).toEqual(['P001', '示例渠道', 'marketing_manager']);
  });

  it('reads the filled template back, numbers as Excel shows them, equal to the engine over the clean data', async () => {
    const sheets = await template();
    // Revenue as Excel often stores a computed amount: the shown value plus float noise.
    // 17 significant digits, as a double prints: only the first 15 are what Excel shows.
    const noisy = (column: string, v: string) => (column === 'revenue' && v.includes('.') ? `${v}${'0'.repeat(16 - v.replace(/\D/g, '').replace(/^0+/, '').length)}1` : v);
    const facts = underHeaders(sheets.get('facts')![0], csv('facts'), noisy);
    expect(facts[1][2]).toBe('39805.940000000001');
    // Another dataset first (it does not fit), so the preview below is the uploaded files'.
    await page.getByLabel('内置数据集').selectOption('postal-agency');
    await expect.poll(() => page.locator('.preview').innerText(), { timeout: 30_000 }).toContain('数据与政策不匹配');
    await upload(underHeaders(sheets.get('payees')![0], csv('payees')), facts);

    const loaded = loadPolicy({ file: POLICY, text: readFileSync(join(fx.dir, 'policies', POLICY), 'utf8') });
    if (!loaded.ok) throw new Error('policy does not load');
    const table = (t: string) => ({ file: `${t}.csv`, text: readFileSync(join(fx.dir, 'data/bonus-pool', `${t}.csv`), 'utf8') });
    const data = readDataset({ payees: table('payees'), facts: table('facts') }, loaded.policy);
    if (!data.ok) throw new Error('dataset does not read');
    const expected = settle(loaded.policy, data.dataset);
    await expect.poll(() => page.locator('.preview').innerText(), { timeout: 30_000 }).not.toContain('数据与政策不匹配');
    await settled(page, 30_000);
    expect(await page.getByTestId('total-total').textContent()).toBe(formatMoney(expected.totals.total, 'zh-CN'));
    expect(await page.locator('.preview').innerText()).not.toContain('数据与政策不匹配');
    // The pool's rounding hides the noise in the totals: M01's facts show what was read.
    await page.getByTestId('payee-M01').click();
    await page.getByText('假设分析（在此修改 M01 的指标）').click();
    await page.getByLabel('假设分析月份').selectOption('2025-01');
    expect(await page.getByRole('textbox', { name: 'revenue 2025-01 — 假设值' }).inputValue()).toBe('39805.94');
  });

  it('names a bad cell as Excel does', async () => {
    const sheets = await template();
    const facts = underHeaders(sheets.get('facts')![0], csv('facts'));
    facts[28][3] = '七十';
    await upload(underHeaders(sheets.get('payees')![0], csv('payees')), facts);
    const errors = page.getByRole('region', { name: '数据与政策不匹配' });
    await expect.poll(() => errors.innerText(), { timeout: 30_000 }).toMatch(/facts\.xlsx!D29 kpi_development: .*`七十`/);
    await page.screenshot({ path: join(SHOTS, 'excel-bad-cell-zh-CN.png') });
    expect(await seriousViolations(page)).toEqual([]);
    expect(await cutTables(page)).toEqual([]);
    await page.getByLabel('语言').selectOption('en');
    await expect.poll(() => errors.count()).toBe(0);
    const english = page.getByRole('region', { name: 'The dataset does not fit the policy' });
    expect(await english.innerText()).toMatch(/facts\.xlsx!D29 kpi_development: /);
    const sheetsEn = await template();
    expect(sheetsEn.get('facts')![0].slice(0, 3)).toEqual(['Period (period)', 'Payee id (payee_id)', 'revenue']);
    await page.screenshot({ path: join(SHOTS, 'excel-bad-cell-en.png') });
    expect(await seriousViolations(page)).toEqual([]);
  });
});

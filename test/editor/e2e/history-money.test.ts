// History that speaks money: each saved version as the parameters it changed (`step_rate` 2 % →
// 3 %, formatted as the form formats them) with the impact recorded when it was saved (equal to
// the engine's comparison), and any two versions compared the same way; English and Chinese.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareStatements } from '../../../engine/index.js';
import { formatDelta } from '../../../editor/src/format/money.js';
import type { EditorFixture } from './editor-fixture.js';
import { editorPage, retype, ruralStatement, SHOTS } from './editor-page.js';
import { cutTables, seriousViolations } from './page-checks.js';

const POLICY = 'rural-contract.yaml';
const ed = editorPage(POLICY);
let fx: EditorFixture;
let page: Page;
beforeAll(() => ({ fx, page } = ed));

async function save(message: string) {
  await page.keyboard.press('Control+S');
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Author').fill('Li Wei');
  await dialog.getByLabel('Why (message)').fill(message);
  await dialog.getByLabel('Ask to confirm a total change above').fill('1000000');
  await expect.poll(() => dialog.getByTestId('save-impact-total').count()).toBe(1);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => page.getByTestId('save-status').innerText()).toContain('Saved version');
}

describe('history that speaks money', { timeout: 150_000 }, () => {
  it('shows each version as its parameter changes with the impact it had, and compares any two', async () => {
    const original = readFileSync(join(fx.dir, 'policies', POLICY), 'utf8');
    const stepped = original.replace('    value: 0.02\n', '    value: 0.03\n');
    const priced = stepped.replace('maintenance_price: { type: money, value: 1.50,', 'maintenance_price: { type: money, value: 1.6,');
    expect(priced).not.toBe(stepped);
    const statement = (text: string) => ruralStatement(fx.dir, text);
    const first = compareStatements(statement(original), statement(stepped)).delta.total;
    const second = compareStatements(statement(stepped), statement(priced)).delta.total;

    await retype(page, /^step_rate —/, '3');
    await save('step rate 3 %');
    const onDisk = () => readFileSync(join(fx.dir, 'policies', POLICY), 'utf8');
    await expect.poll(onDisk).toBe(stepped);
    await retype(page, /^maintenance_price —/, '1.6');
    await save('maintenance price ¥1.60');
    await expect.poll(onDisk).toBe(priced);

    await page.getByRole('button', { name: 'History' }).click();
    const rows = page.getByTestId('history-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    const version = async (i: number) => (await rows.nth(i).locator('code').first().textContent())!;
    const [newest, middle] = [await version(0), await version(1)];
    await expect.poll(() => page.getByTestId(`changes-${newest}`).innerText()).toBe('maintenance_price ¥1.50 → ¥1.60');
    await expect.poll(() => page.getByTestId(`changes-${middle}`).innerText()).toBe('step_rate 2 % → 3 %');
    expect(await page.getByTestId(`impact-${newest}`).textContent()).toBe(formatDelta(second, 'en'));
    expect(await page.getByTestId(`impact-${middle}`).textContent()).toBe(formatDelta(first, 'en'));
    expect(await rows.nth(2).innerText()).toContain('first version');

    // Any two versions: the oldest against the newest names both changes.
    const history = page.locator('section.history');
    const oldest = await history.getByLabel('From').locator('option').last().getAttribute('value');
    await history.getByLabel('From').selectOption(oldest!);
    await history.getByRole('button', { name: 'Compare', exact: true }).click();
    await expect.poll(() => page.getByTestId('version-changes').innerText()).toBe('maintenance_price ¥1.50 → ¥1.60\nstep_rate 2 % → 3 %');
    await history.getByRole('button', { name: 'Show diff' }).click();
    await expect.poll(() => page.getByTestId('diff').innerText()).toContain('+    value: 0.03');

    await history.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'history-money-en.png') });
    expect(await seriousViolations(page)).toEqual([]);
    expect(await cutTables(page)).toEqual([]);
    await page.getByLabel('Language').selectOption('zh-CN');
    await expect.poll(() => page.getByTestId('history-table').locator('thead').innerText()).toContain('参数变更');
    expect(await rows.nth(2).innerText()).toContain('首个版本');
    await page.screenshot({ path: join(SHOTS, 'history-money-zh-CN.png') });
    expect(await seriousViolations(page)).toEqual([]);
    expect(await cutTables(page)).toEqual([]);
    await page.getByLabel('语言').selectOption('en');
  });
});

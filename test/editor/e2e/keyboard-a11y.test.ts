// Keyboard and the first minute at 1,440 × 900: Ctrl+S saves from the YAML editor and the form,
// Esc or Ctrl+M leaves the YAML editor (a visible hint says so) so Tab never silently indents,
// a problem is a button that puts the cursor at its line and column, no table is cut, and
// axe-core finds no serious or critical violation in any state, in English and in Chinese.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EditorFixture } from './editor-fixture.js';
import { editorPage, retype, settled as previewSettled, SHOTS } from './editor-page.js';
import { cutTables, seriousViolations } from './page-checks.js';
import { yamlNow } from './yaml-now.js';

const POLICY = 'rural-contract.yaml';
const ed = editorPage(POLICY);
let fx: EditorFixture;
let page: Page;
beforeAll(() => ({ fx, page } = ed));

const monaco = () => page.locator('.monaco-editor').first();
const focusInMonaco = () => page.evaluate(() => Boolean(document.activeElement?.closest('.monaco-editor')));
const settled = () => previewSettled(page);

/** The page has no serious or critical axe violation and no cut table; a screenshot is kept. */
async function checkState(name: string) {
  expect(await seriousViolations(page), `axe in ${name}`).toEqual([]);
  expect(await cutTables(page), `tables in ${name}`).toEqual([]);
  await page.screenshot({ path: join(SHOTS, `keyboard-${name}.png`) });
}

describe('keyboard, first minute and accessibility', { timeout: 120_000 }, () => {
  it('opens with the hint, no cut table and no serious accessibility problem, in both languages', async () => {
    await expect.poll(() => page.getByTestId('key-hint').innerText()).toContain('Esc or Ctrl+M leaves the YAML editor');
    await checkState('opened-en');
    await page.getByLabel('Language').selectOption('zh-CN');
    await expect.poll(() => page.getByTestId('key-hint').innerText()).toContain('按 Esc 或 Ctrl+M 离开 YAML 编辑器');
    await checkState('opened-zh-CN');
    await page.getByLabel('语言').selectOption('en');
  });

  it('leaves the YAML editor with Esc and with Ctrl+M, so Tab moves on instead of indenting', async () => {
    const before = await yamlNow(page, POLICY, fx.dir);
    await monaco().click();
    expect(await focusInMonaco()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('key-hint');
    await page.keyboard.press('Tab');
    expect(await focusInMonaco()).toBe(false);

    await monaco().click();
    await page.keyboard.press('Control+M');
    await page.keyboard.press('Tab');
    await expect.poll(focusInMonaco).toBe(false);
    expect(await yamlNow(page, POLICY, fx.dir)).toBe(before);
    await monaco().click();
    await page.keyboard.press('Control+M');
  });

  it('saves with Ctrl+S from the YAML editor and from the form', async () => {
    await monaco().click();
    await page.keyboard.press('Control+S');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
    await checkState('save-dialog-en');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    await retype(page, /^step_rate —/, '3');
    await page.keyboard.press('Control+S');
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Author').fill('Li Wei');
    await dialog.getByLabel('Why (message)').fill('step rate 3 %');
    await dialog.getByLabel('Why (message)').press('Control+S');
    await expect.poll(() => page.getByTestId('save-status').innerText()).toContain('Saved version');
    expect(readFileSync(join(fx.dir, 'policies', POLICY), 'utf8')).toContain('    value: 0.03\n');
    await page.getByRole('button', { name: 'History' }).click();
    await expect.poll(() => page.getByTestId('history-table').innerText()).toContain('step rate 3 %');
    await checkState('history-en');
    await page.getByRole('button', { name: 'Hide history' }).click();
  });

  it('jumps from a problem to its line and column', async () => {
    await monaco().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('\n  - { id: extra, kind: bonus, amount: no_such_name * 2 }\n');
    const problem = page.locator('.code-column [data-testid="problem"]').filter({ hasText: 'no_such_name' }).first();
    await expect.poll(() => problem.count()).toBe(1);
    const place = (await problem.locator('code').innerText()).match(/:(\d+):(\d+)$/);
    expect(place).not.toBeNull();
    const [line, column] = [Number(place![1]), Number(place![2])];
    await checkState('problem-en');
    await page.getByLabel('Language').selectOption('zh-CN');
    await checkState('problem-zh-CN');
    await page.getByLabel('语言').selectOption('en');

    await page.getByRole('button', { name: /^rural-contract\.yaml:\d+:\d+$/ }).first().click();
    expect(await focusInMonaco()).toBe(true);
    await page.keyboard.insertText('@');
    // the draft is written when the editor's change reaches the page's state, a moment after the keystroke: read until it is (a loaded machine delays it)
    await expect.poll(async () => (await yamlNow(page, POLICY, fx.dir)).split('\n')[line - 1].slice(column - 1)).toMatch(/^@no_such_name/);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Shift+ArrowUp');
    await page.keyboard.press('Shift+ArrowUp');
    await page.keyboard.press('Backspace');
    await expect.poll(() => page.locator('.code-column [data-testid="problem"]').count()).toBe(0);
  });

  it('labels parameters in the reader\'s language when the policy has labels', async () => {
    await page.getByLabel('Policies').selectOption('piece-rate.yaml');
    await previewSettled(page, 60_000);
    await page.getByLabel('Language').selectOption('zh-CN');
    const unitPrice = page.locator('[data-param="unit_price"]');
    await expect.poll(() => unitPrice.locator('.param-title').innerText()).toBe('业务单价');
    expect(await unitPrice.locator('.param-unit').innerText()).toBe('元/件');
    expect(await page.getByRole('textbox', { name: /^unit_price install — 业务单价: price per piece/ }).count()).toBe(1);
    expect(await page.getByTestId('policy-title').count()).toBe(1);
    await page.locator('[data-testid^="payee-"]').first().click();
    await expect.poll(() => page.getByTestId('trace').innerText()).toContain('piece_wage 计件工资');
    await checkState('labels-zh-CN');
    await page.getByLabel('语言').selectOption('en');
    await expect.poll(() => unitPrice.locator('.param-title').count()).toBe(0);
    expect(await page.getByTestId('trace').innerText()).not.toContain('计件工资');
    expect(await unitPrice.locator('.param-unit').innerText()).toBe('yuan per piece');
    await checkState('labels-en');
    await page.getByLabel('Policies').selectOption(POLICY);
    await previewSettled(page, 60_000);
  });

  it('keeps every table whole and accessible with a payee\'s trace open, in both languages', async () => {
    await settled();
    await page.getByTestId('payee-R02').click();
    await page.locator('[data-testid^="line-"][data-testid$="-under_completion"]').first().click();
    await page.getByTestId('line-detail').waitFor();
    await checkState('trace-en');
    await page.getByLabel('Language').selectOption('zh-CN');
    await checkState('trace-zh-CN');
    await page.keyboard.press('Control+S');
    await checkState('save-dialog-zh-CN');
    await page.keyboard.press('Escape');
    await page.getByLabel('语言').selectOption('en');
  });
});

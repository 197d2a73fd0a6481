// The impact against any version in the history, not only the saved one: totals and the change
// equal to the engine comparing the two texts, then back to the saved version.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { compareStatements, loadPolicy, readDataset, settle, type Statement } from '../../../engine/index.js';
import { formatDelta } from '../../../editor/src/format/money.js';
import { ensureAppBuilt, ROOT } from './app-build.js';
import { startFixture, type EditorFixture } from './editor-fixture.js';

vi.setConfig({ expect: { poll: { timeout: 20_000 } } });

const SHOTS = join(ROOT, 'test-output/editor');
const POLICY = 'rural-contract.yaml';
let fx: EditorFixture;
let page: Page;

function statementOf(text: string): Statement {
  const loaded = loadPolicy({ file: POLICY, text });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  const table = (t: string) => ({ file: `${t}.csv`, text: readFileSync(join(fx.dir, 'data/rural-contract', `${t}.csv`), 'utf8') });
  const data = readDataset({ payees: table('payees'), facts: table('facts') }, loaded.policy);
  if (!data.ok) throw new Error(JSON.stringify(data.diagnostics));
  return settle(loaded.policy, data.dataset, { detail: 'amounts' });
}

async function setStepRate(percent: string) {
  const rate = page.getByRole('textbox', { name: /^step_rate —/ });
  await rate.click();
  await rate.press('Control+A');
  await rate.pressSequentially(percent);
  await page.locator('.preview[data-settled="true"]').waitFor();
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await ensureAppBuilt();
  fx = await startFixture();
  const context = await fx.browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(() => { if (!localStorage.getItem('ratecard:language')) localStorage.setItem('ratecard:language', 'en'); });
  page = await context.newPage();
  await page.goto(`${fx.server.url}#/${POLICY}`);
  await page.locator('.preview[data-settled="true"]').waitFor({ timeout: 60_000 });
}, 240_000);

afterAll(async () => {
  await fx?.close();
});

describe('impact against any version', { timeout: 90_000 }, () => {
  it('compares the edit with the first version in the history, then with the saved one', async () => {
    const original = readFileSync(join(fx.dir, 'policies', POLICY), 'utf8');
    const at = (rate: string) => original.replace('    value: 0.02\n', `    value: ${rate}\n`);
    await setStepRate('3');
    await page.keyboard.press('Control+S');
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Author').fill('Li Wei');
    await dialog.getByLabel('Why (message)').fill('step rate 3 %');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('save-status').innerText()).toContain('Saved version');
    await setStepRate('4');

    const againstSaved = compareStatements(statementOf(at('0.03')), statementOf(at('0.04')));
    const againstFirst = compareStatements(statementOf(original), statementOf(at('0.04')));
    expect(againstFirst.delta.total).not.toBe(againstSaved.delta.total);
    await expect.poll(() => page.getByTestId('impact-total').textContent()).toBe(formatDelta(againstSaved.delta.total, 'en'));

    await page.getByRole('button', { name: 'History' }).click();
    const rows = page.getByTestId('history-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    await rows.last().getByRole('button', { name: /^Compare with this version/ }).click();
    await expect.poll(() => page.getByTestId('impact-total').textContent()).toBe(formatDelta(againstFirst.delta.total, 'en'));
    expect(await page.getByTestId('impact').getAttribute('aria-label')).toMatch(/^Impact against version [0-9a-f]{8}$/);
    expect(await page.getByTestId('delta-deduction').textContent()).toBe(formatDelta(againstFirst.delta.byKind.deduction, 'en'));
    await page.getByTestId('impact').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'compare-version-en.png') });
    await page.getByLabel('Language').selectOption('zh-CN');
    await expect.poll(() => page.getByTestId('impact').getAttribute('aria-label')).toMatch(/^与版本 [0-9a-f]{8} 相比的影响$/);
    await page.screenshot({ path: join(SHOTS, 'compare-version-zh-CN.png') });
    await page.getByLabel('语言').selectOption('en');

    await page.getByRole('button', { name: 'Compare with the saved version' }).click();
    await expect.poll(() => page.getByTestId('impact-total').textContent()).toBe(formatDelta(againstSaved.delta.total, 'en'));
    expect(await page.getByTestId('impact').getAttribute('aria-label')).toBe('Impact against the saved version');
  });
});

// The impact against any version in the history, not only the saved one: totals and the change
// equal to the engine comparing the two texts, then back to the saved version.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareStatements } from '../../../engine/index.js';
import { formatDelta } from '../../../editor/src/format/money.js';
import type { EditorFixture } from './editor-fixture.js';
import { editorPage, retype, ruralStatement, SHOTS } from './editor-page.js';

const POLICY = 'rural-contract.yaml';
const ed = editorPage(POLICY);
let fx: EditorFixture;
let page: Page;
beforeAll(() => ({ fx, page } = ed));
const statementOf = (text: string) => ruralStatement(fx.dir, text);
const setStepRate = (percent: string) => retype(page, /^step_rate —/, percent);

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

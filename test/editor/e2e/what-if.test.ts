// One payee, instantly: change one payee-month's facts in place ("what if R02 reached 95 % in
// February?") and see its lines, traces and total at once, equal to the engine settling the
// changed facts; back to the dataset with one click; in English and in Chinese.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Exact, type Statement } from '../../../engine/index.js';
import { formatDelta, formatMoney } from '../../../editor/src/format/money.js';
import type { EditorFixture } from './editor-fixture.js';
import { editorPage, ruralStatement, SHOTS } from './editor-page.js';

const POLICY = 'rural-contract.yaml';
const ed = editorPage(POLICY);
let fx: EditorFixture;
let page: Page;
beforeAll(() => ({ fx, page } = ed));
const statementOf = (facts: string) => ruralStatement(fx.dir, readFileSync(join(fx.dir, 'policies', POLICY), 'utf8'), { facts });
const totalOf = (s: Statement, payee: string) => s.lines.filter((l) => l.payeeId === payee).reduce((t, l) => t.add(Exact.parse(l.amount)), Exact.ZERO).toFixed(2);
const lineAmount = (s: Statement, period: string, line: string) => s.lines.find((l) => l.payeeId === 'R02' && l.period === period && l.line === line)!.amount;

describe('one payee, instantly', { timeout: 90_000 }, () => {
  it('re-traces R02 with February\'s revenue at 95 % of plan, as the engine settles those facts', async () => {
    const facts = readFileSync(join(fx.dir, 'data/rural-contract/facts.csv'), 'utf8');
    const changed = facts.replace('2025-02,R02,57600,50572.8,', '2025-02,R02,57600,54720,');
    expect(changed).not.toBe(facts);
    const before = statementOf(facts), after = statementOf(changed);
    const row = () => page.getByTestId('trace').locator('tr', { has: page.getByTestId('line-2025-02-under_completion') });

    await page.getByTestId('payee-R02').click();
    await expect.poll(() => row().innerText()).toContain(formatMoney(lineAmount(before, '2025-02', 'under_completion'), 'en'));
    await page.getByText('What if… (change R02\'s facts here)').click();
    await page.getByLabel('What-if month').selectOption('2025-02');
    const revenue = page.getByRole('textbox', { name: 'revenue_actual 2025-02 — What if' });
    expect(await revenue.inputValue()).toBe('50572.8');
    await revenue.click();
    await revenue.press('Control+A');
    await revenue.pressSequentially('54,720', { delay: 30 });
    await expect.poll(() => row().innerText()).toContain(formatMoney(lineAmount(after, '2025-02', 'under_completion'), 'en'));
    expect(await revenue.inputValue()).toBe('54,720');
    const total = { before: totalOf(before, 'R02'), after: totalOf(after, 'R02') };
    const delta = Exact.parse(total.after).sub(Exact.parse(total.before)).toFixed(2);
    expect(delta).not.toBe('0.00');
    await expect.poll(() => page.getByTestId('what-if-result').innerText())
      .toContain(`Total of the payee: ${formatMoney(total.before, 'en')} → ${formatMoney(total.after, 'en')} (${formatDelta(delta, 'en')})`);
    await expect.poll(() => page.getByTestId('what-if-shown').count()).toBe(1);
    // The preview of the whole dataset is unchanged.
    expect(await page.getByTestId('total-total').textContent()).toBe(formatMoney(before.totals.total, 'en'));
    await page.getByTestId('what-if-result').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'what-if-en.png') });
    await page.getByLabel('Language').selectOption('zh-CN');
    await expect.poll(() => page.getByTestId('what-if-result').innerText()).toContain('该渠道合计');
    await page.screenshot({ path: join(SHOTS, 'what-if-zh-CN.png') });
    await page.getByLabel('语言').selectOption('en');

    await page.getByRole('button', { name: 'Back to the dataset' }).click();
    await expect.poll(() => row().innerText()).toContain(formatMoney(lineAmount(before, '2025-02', 'under_completion'), 'en'));
    expect(await page.getByTestId('what-if-shown').count()).toBe(0);
    await expect.poll(() => revenue.inputValue()).toBe('50572.8');
  });
});

// The guard on money before a save: the dialog shows the change's total and largest per-payee
// changes (equal to the engine's comparison), asks for explicit confirmation above the
// threshold the person sets (default ¥10,000), and sends the confirmed impact with the save.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareStatements, Exact, type Impact } from '../../../engine/index.js';
import { formatDelta } from '../../../editor/src/format/money.js';
import type { EditorFixture } from './editor-fixture.js';
import { editorPage, retype, ruralStatement, SHOTS } from './editor-page.js';

const POLICY = 'rural-contract.yaml';
const ed = editorPage(POLICY);
let fx: EditorFixture;
let page: Page;
beforeAll(() => ({ fx, page } = ed));
const statementOf = (text: string) => ruralStatement(fx.dir, text);

/** The engine's impact of setting maintenance_price in the saved policy, and its five largest payee changes by size. */
function impactOf(price: string): { impact: Impact; largest: Impact['payees'] } {
  const saved = readFileSync(join(fx.dir, 'policies', POLICY), 'utf8');
  const edited = saved.replace(/(maintenance_price: \{ type: money, value: )[^,]+,/, `$1${price},`);
  expect(edited).not.toBe(saved);
  const impact = compareStatements(statementOf(saved), statementOf(edited));
  const largest = impact.payees.filter((p) => !Exact.parse(p.delta).isZero())
    .sort((a, b) => Exact.parse(b.delta).abs().cmp(Exact.parse(a.delta).abs())).slice(0, 5);
  return { impact, largest };
}

const dialog = () => page.getByRole('dialog');
const typePrice = (value: string) => retype(page, /^maintenance_price —/, value);

describe('the guard on money before a save', { timeout: 90_000 }, () => {
  it('shows the impact and its largest payee changes, and asks to confirm a change above ¥10,000', async () => {
    const { impact, largest } = impactOf('15');
    expect(Exact.parse(impact.delta.total).abs().gt(Exact.of(10_000))).toBe(true);
    await typePrice('15');
    await page.keyboard.press('Control+S');
    await expect.poll(() => dialog().getByTestId('save-impact-total').textContent()).toBe(formatDelta(impact.delta.total, 'en'));
    const rows = dialog().getByTestId('save-impact-largest').locator('tbody tr');
    expect(await rows.allInnerTexts()).toEqual(largest.map((p) => expect.stringContaining(p.payeeId)));
    for (const [i, p] of largest.entries()) expect(await rows.nth(i).innerText()).toContain(formatDelta(p.delta, 'en'));
    await dialog().getByLabel('Author').fill('Li Wei');
    await dialog().getByLabel('Why (message)').fill('maintenance price ¥15');
    const save = dialog().getByRole('button', { name: 'Save' });
    const confirm = dialog().getByTestId('confirm-change');
    await expect.poll(() => confirm.innerText()).toContain(`I confirm a total change of ${formatDelta(impact.delta.total, 'en')}, above ¥10,000.00.`);
    expect(await save.isDisabled()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'guard-confirm-en.png') });

    // A threshold above the change needs no confirmation; back at ¥10,000 it does again, unticked.
    const threshold = dialog().getByLabel('Ask to confirm a total change above');
    await threshold.fill('¥５,000,000');
    await expect.poll(() => confirm.count()).toBe(0);
    expect(await save.isDisabled()).toBe(false);
    await threshold.fill('10000');
    await expect.poll(() => confirm.count()).toBe(1);
    expect(await save.isDisabled()).toBe(true);

    await confirm.getByRole('checkbox').check();
    const request = page.waitForRequest((r) => r.method() === 'PUT');
    await save.click();
    const body = (await request).postDataJSON() as { impact: Record<string, unknown> & { delta: { total: string }; largest: { payeeId: string; delta: string }[] } };
    expect(body.impact).toMatchObject({ confirmed: true, threshold: '10000', dataset: 'rural-contract', from: '2025-01', to: '2025-12', changedLines: impact.lines.length });
    expect(body.impact.delta).toEqual(impact.delta);
    expect(body.impact.largest).toEqual(largest);
    await expect.poll(() => page.getByTestId('save-status').innerText()).toContain('Saved version');
    expect(readFileSync(join(fx.dir, 'policies', POLICY), 'utf8')).toContain('value: 15,');
  });

  it('saves a change below the threshold without asking, and still sends its impact', async () => {
    const delta = impactOf('15.01').impact.delta.total;
    expect(Exact.parse(delta).abs().lt(Exact.of(10_000))).toBe(true);
    await typePrice('15.01');
    await page.keyboard.press('Control+S');
    await expect.poll(() => dialog().getByTestId('save-impact-total').textContent()).toBe(formatDelta(delta, 'en'));
    expect(await dialog().getByTestId('confirm-change').count()).toBe(0);
    await dialog().getByLabel('Why (message)').fill('one cent more');
    const request = page.waitForRequest((r) => r.method() === 'PUT');
    await dialog().getByRole('button', { name: 'Save' }).click();
    const body = (await request).postDataJSON() as { impact: { confirmed: boolean; delta: { total: string } } };
    expect(body.impact.confirmed).toBe(false);
    expect(body.impact.delta.total).toBe(delta);
    const saved = (await (await request).response())!.json() as Promise<{ version: string }>;
    await expect.poll(() => page.getByTestId('save-status').innerText()).toContain(`Saved version ${(await saved).version.slice(0, 8)}`);
  });

  it('asks in Chinese too', async () => {
    await page.getByLabel('Language').selectOption('zh-CN');
    const { impact } = impactOf('1.50');
    await typePrice('1.50');
    await page.keyboard.press('Control+S');
    await expect.poll(() => dialog().getByTestId('save-impact').innerText()).toContain(`我确认总变化 ${formatDelta(impact.delta.total, 'zh-CN')}`);
    expect(await dialog().innerText()).toContain('变化最大的渠道');
    await page.screenshot({ path: join(SHOTS, 'guard-confirm-zh-CN.png') });
    await dialog().getByRole('button', { name: '取消' }).click();
    await page.getByLabel('语言').selectOption('en');
  });
});

// The guard on money before a save: the dialog shows the change's total and largest per-payee
// changes (equal to the engine's comparison), asks for explicit confirmation above the
// threshold the person sets (default ¥10,000), and sends the confirmed impact with the save.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { compareStatements, Exact, loadPolicy, readDataset, settle, type Impact, type Statement } from '../../../engine/index.js';
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

const price = () => page.getByRole('textbox', { name: /^maintenance_price —/ });
const dialog = () => page.getByRole('dialog');

async function typePrice(value: string) {
  await price().click();
  await price().press('Control+A');
  await price().pressSequentially(value);
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
    await expect.poll(() => page.getByTestId('save-status').innerText()).toContain('Saved version');
  });

  it('asks in Chinese too', async () => {
    await page.getByLabel('Language').selectOption('zh-CN');
    const { impact } = impactOf('1.50');
    await typePrice('1.50');
    await page.keyboard.press('Control+S');
    await expect.poll(() => dialog().getByTestId('confirm-change').innerText()).toContain(`我确认总变化 ${formatDelta(impact.delta.total, 'zh-CN')}`);
    expect(await dialog().innerText()).toContain('变化最大的渠道');
    await page.screenshot({ path: join(SHOTS, 'guard-confirm-zh-CN.png') });
    await dialog().getByRole('button', { name: '取消' }).click();
    await page.getByLabel('语言').selectOption('en');
  });
});

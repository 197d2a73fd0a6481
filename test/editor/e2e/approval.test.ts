// The editor's approval panel in Chromium, over a server with a settlement store: the open
// policy (the rural policy amended from July, version 2; version 1 approved) shows its state in
// Chinese, is submitted with its impact measured (the queue shows the engine's change in total),
// self-approval is refused with the server's located message, approval by someone else turns it
// approved, in force from 2025-07 — and the store then posts the year under each month's version.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { compareStatements, loadPolicy, readDataset, settle } from '../../../engine/index.js';
import { formatDelta } from '../../../editor/src/format/money.js';
import { buildServer } from '../../../server/build-server.js';
import { SettlementBook } from '../../../store/settlement-book.js';
import { DATASET, V1, V2 } from '../../store/policies/amendment.js';
import { APP_DIR, ensureAppBuilt, ROOT } from './app-build.js';
import { CHROMIUM_ARGS } from './editor-fixture.js';
import { seriousViolations } from './page-checks.js';

let dir: string;
let book: SettlementBook;
let app: FastifyInstance;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  vi.setConfig({ expect: { poll: { timeout: 20_000 } } });
  await ensureAppBuilt();
  dir = mkdtempSync(join(tmpdir(), 'ratecard-approval-e2e-'));
  cpSync(join(ROOT, 'policies'), join(dir, 'policies'), { recursive: true });
  cpSync(join(ROOT, 'data/scenarios'), join(dir, 'data'), { recursive: true });
  // the workspace's rural policy is the July amendment; version 1 is approved in the store
  writeFileSync(join(dir, 'policies/rural-contract.yaml'), V2.text);
  book = SettlementBook.open(join(dir, 'book.db'));
  book.policies.submit({ source: V1, by: 'ana', why: '2025', dataset: DATASET });
  book.policies.approve('rural-contract', '1', { by: 'bo', why: 'ok' });
  app = await buildServer({
    book, loopback: true, policiesDir: join(dir, 'policies'),
    editor: { root: dir, policiesDir: 'policies', dataDir: 'data', stateDir: '.ratecard', appDir: APP_DIR },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(() => { if (!localStorage.getItem('ratecard:language')) localStorage.setItem('ratecard:language', 'zh-CN'); });
  page = await context.newPage();
  await page.goto(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}/#/rural-contract.yaml`);
  await page.locator('.preview[data-settled="true"]').waitFor({ timeout: 60_000 });
}, 240_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await app?.close().catch(() => undefined);
  book?.shutdown();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const panel = () => page.getByTestId('approval');
const state = () => panel().getByTestId('approval-state');
const fill = async (label: string, text: string) => panel().getByRole('textbox', { name: label }).fill(text);

/** The engine's change in total of version 2 against version 1, from July, over the scenario. */
function engineDelta(): string {
  const statement = (text: string, file: string) => {
    const loaded = loadPolicy({ file, text });
    if (!loaded.ok) throw new Error('bad policy');
    const data = readDataset(DATASET, loaded.policy);
    if (!data.ok) throw new Error('bad data');
    return settle(loaded.policy, data.dataset, { from: '2025-07' });
  };
  return compareStatements(statement(V1.text, V1.file), statement(V2.text, V2.file)).delta.total;
}

describe('the approval panel', { timeout: 120_000 }, () => {
  it('shows that the open version is not submitted, in Chinese, with an empty queue', async () => {
    await expect.poll(() => state().textContent()).toBe('此版本尚未提交审批。');
    await expect.poll(() => panel().getByTestId('approval-queue-empty').textContent()).toBe('没有待审批的版本。');
  });

  it('submits the saved text with its impact measured: the queue shows the engine\'s change in total', async () => {
    await fill('您的姓名', 'ana');
    await fill('说明', '七月起阶梯扣减 3%');
    await panel().getByRole('button', { name: '提交审批' }).click();
    await expect.poll(() => panel().getByTestId('approval-status').textContent()).toBe('已提交 rural-contract@2，等待他人审批。');
    await expect.poll(() => state().getAttribute('data-state')).toBe('submitted');
    expect(await state().textContent()).toBe('rural-contract 版本 2：待审批 · 生效账期 2025-07');
    const item = panel().getByTestId('approval-queue').locator('li[data-version="rural-contract@2"]');
    await expect.poll(() => item.getByTestId('queue-impact').textContent()).toBe(formatDelta(engineDelta(), 'zh-CN'));
    expect(await item.textContent()).toContain('4 个渠道金额变化');
  });

  it('refuses approval by the submitter with the server\'s located message', async () => {
    await fill('说明', '我看过了');
    await panel().getByRole('button', { name: '批准 rural-contract@2' }).click();
    await expect.poll(() => panel().getByRole('alert').textContent()).toBe('`ana` cannot approve `rural-contract@2`: they wrote it, and a version is approved by someone else');
    expect(await state().getAttribute('data-state')).toBe('submitted');
  });

  it('approves it by someone else: approved, in force from July, the queue empty, transitions recorded', async () => {
    await fill('您的姓名', 'bo');
    await fill('说明', '已与渠道确认');
    await panel().getByRole('button', { name: '批准 rural-contract@2' }).click();
    await expect.poll(() => state().getAttribute('data-state')).toBe('approved');
    expect(await state().textContent()).toBe('rural-contract 版本 2：已批准 · 生效账期 2025-07');
    await expect.poll(() => panel().getByTestId('approval-queue-empty').isVisible()).toBe(true);
    await panel().locator('summary').click();
    const lines = await panel().getByTestId('approval-transitions').locator('li').allTextContents();
    expect(lines.map((l) => l.replace(/^[^·]+· /, ''))).toEqual(['草稿 · ana: 七月起阶梯扣减 3%', '草稿 → 待审批 · ana: 七月起阶梯扣减 3%', '待审批 → 已批准 · bo: 已与渠道确认']);
    expect(await seriousViolations(page)).toEqual([]);
    // what the editor approved is what posts: each month under the version in force then
    const runs = book.runApproved({ policyId: 'rural-contract', dataset: DATASET, from: '2025-01', to: '2025-12', startedBy: 'clerk' });
    expect(runs.map((r) => `${r.run.policyVersion} ${r.run.from} ${r.run.to}`)).toEqual(['1 2025-01 2025-06', '2 2025-07 2025-12']);
  });

  it('speaks English too', async () => {
    await page.getByRole('combobox', { name: '语言' }).selectOption('en');
    await expect.poll(() => state().textContent()).toBe('rural-contract version 2: approved · In force from 2025-07');
    expect(await panel().getByTestId('approval-queue-empty').textContent()).toBe('No version waits for approval.');
  });
});

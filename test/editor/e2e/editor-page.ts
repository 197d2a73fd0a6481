// The common frame of the editor's browser tests: the server over a temp copy of the policies
// and data, Chromium, a page in a chosen language and viewport opened at a policy and waited for
// until its preview is complete; typing into a field and waiting for the preview of the result;
// and the engine's own statement of the rural scenario, the oracle the tests compare with.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, vi } from 'vitest';
import { type Lang, loadPolicy, localizeStatement, readDataset, settle, type SettleOptions, type Statement, unitsOf } from '../../../engine/index.js';
import { ensureAppBuilt, ROOT } from './app-build.js';
import { startFixture, type EditorFixture } from './editor-fixture.js';

export const SHOTS = join(ROOT, 'test-output/editor');

export interface PageOptions { language?: 'en' | 'zh-CN'; width?: number; height?: number }

/** Waits until the preview is complete for the text as it is now. */
export const settled = (page: Page, timeout?: number) => page.locator('.preview[data-settled="true"]').waitFor(timeout ? { timeout } : {});

/** A new page (its own browser context) opened at `file`, once its preview is complete. */
export async function openPage(fx: EditorFixture, file: string, { language = 'en', width = 1440, height = 900 }: PageOptions = {}): Promise<Page> {
  const context = await fx.browser.newContext({ viewport: { width, height }, acceptDownloads: true });
  await context.addInitScript((l) => { if (!localStorage.getItem('ratecard:language')) localStorage.setItem('ratecard:language', l); }, language);
  const page = await context.newPage();
  await page.goto(`${fx.server.url}#/${file}`);
  await settled(page, 60_000);
  return page;
}

export interface EditorPage { fx: EditorFixture; page: Page }

/**
 * Starts the fixture and opens `file` before the tests of the calling file, closes it after. A
 * browser on a busy CI machine can take seconds to answer: polls wait 20 s (the default is 1 s).
 */
export function editorPage(file: string, options?: PageOptions): EditorPage {
  vi.setConfig({ expect: { poll: { timeout: 20_000 } } });
  const held = {} as EditorPage;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    await ensureAppBuilt();
    held.fx = await startFixture();
    held.page = await openPage(held.fx, file, options);
  }, 240_000);
  afterAll(async () => {
    await held.fx?.close();
  });
  return held;
}

/** Replaces a field's text by `text`, typed key by key, and waits for the preview of the result. */
export async function retype(page: Page, label: RegExp | string, text: string, delay = 0) {
  const input = page.getByRole('textbox', { name: label });
  await input.click();
  await input.press('Control+A');
  await input.pressSequentially(text, { delay });
  await settled(page);
}

/** The engine's statement of a rural-contract policy text over the scenario's data (or other facts); with `lang`, its explanations and reasons in it. */
export function ruralStatement(dir: string, policyText: string, options: { facts?: string; detail?: SettleOptions['detail']; lang?: Lang } = {}): Statement {
  const loaded = loadPolicy({ file: 'rural-contract.yaml', text: policyText });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  const table = (t: string) => ({ file: `${t}.csv`, text: readFileSync(join(dir, 'data/rural-contract', `${t}.csv`), 'utf8') });
  const facts = options.facts === undefined ? table('facts') : { file: 'facts.csv', text: options.facts };
  const data = readDataset({ payees: table('payees'), facts }, loaded.policy);
  if (!data.ok) throw new Error(JSON.stringify(data.diagnostics));
  const statement = settle(loaded.policy, data.dataset, { detail: options.detail ?? 'amounts', lang: options.lang });
  return options.lang ? localizeStatement(statement, options.lang, { units: unitsOf(loaded.policy) }) : statement;
}

// A page of the editor at the rural policy over N generated payees × 12 months (a bundled
// dataset written into the fixture's data folder), once its preview is complete.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { SourceTables } from '../../../editor/src/worker/table-bytes.js';
import type { EditorFixture } from '../e2e/editor-fixture.js';
import { generateRuralDataset } from '../e2e/generate-dataset.js';

export const POLICY = 'rural-contract.yaml';

export interface GeneratedPage { page: Page; tables: SourceTables; loadMs: number; close(): Promise<void> }

export async function openGenerated(fx: EditorFixture, payees: number, timeout: number): Promise<GeneratedPage> {
  const name = `generated-${payees}`;
  const data = generateRuralDataset(payees, 12);
  mkdirSync(join(fx.dir, 'data', name));
  writeFileSync(join(fx.dir, 'data', name, 'payees.csv'), data.payees);
  writeFileSync(join(fx.dir, 'data', name, 'facts.csv'), data.facts);
  const context = await fx.browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(() => { if (!localStorage.getItem('ratecard:language')) localStorage.setItem('ratecard:language', 'en'); });
  const page = await context.newPage();
  await page.goto(`${fx.server.url}#/${POLICY}`);
  await page.locator('.preview[data-settled="true"]').waitFor({ timeout: 60_000 });
  const started = Date.now();
  await page.getByLabel('Bundled dataset').selectOption(name);
  await page.locator('.preview', { hasText: `${payees} payees` }).waitFor({ timeout });
  await page.locator('.preview[data-settled="true"]').waitFor({ timeout });
  return {
    page, loadMs: Date.now() - started, close: () => context.close(),
    tables: { id: name, payees: { file: 'payees.csv', text: data.payees }, facts: { file: 'facts.csv', text: data.facts } },
  };
}

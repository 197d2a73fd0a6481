// The policy editor in a real browser (Chromium through playwright-core) against the real editor
// server over a temp copy of policies/ and data/: form ↔ YAML, live preview equal to the engine's
// own numbers, impact, trace, Monaco markers, saving, restoring unsaved edits, conflicts.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { compareStatements, loadPolicy, readDataset, settle, type Statement } from '../../../engine/index.js';
import { formatDelta, formatMoney } from '../../../editor/src/format/money.js';
import { ensureAppBuilt, ROOT } from './app-build.js';
import { startFixture, type EditorFixture } from './editor-fixture.js';
import { generateRuralDataset } from './generate-dataset.js';
import { writeXlsx } from './write-xlsx.js';

// A browser on a busy CI machine can take seconds to answer: poll for 20 s (the default is 1 s).
vi.setConfig({ expect: { poll: { timeout: 20_000 } } });

const SHOTS = join(ROOT, 'test-output/editor');
const POLICY = 'rural-contract.yaml';

let fx: EditorFixture;
let page: Page;

function statementOf(dir: string, policyText: string, facts?: string): Statement {
  const loaded = loadPolicy({ file: POLICY, text: policyText });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  const table = (t: string) => ({ file: `${t}.csv`, text: readFileSync(join(dir, 'data/rural-contract', `${t}.csv`), 'utf8') });
  const data = readDataset({ payees: table('payees'), facts: facts === undefined ? table('facts') : { file: 'facts.csv', text: facts } }, loaded.policy);
  if (!data.ok) throw new Error(JSON.stringify(data.diagnostics));
  return settle(loaded.policy, data.dataset);
}

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
const editorProblems = () => page.locator('.code-column [data-testid="problem"]');
const deduction = () => page.getByTestId('total-deduction');
const stepRate = () => page.getByLabel('step_rate', { exact: false });
// Monaco renders spaces as no-break spaces.
const monacoText = async () => (await page.locator('.monaco-editor .view-lines').innerText()).replace(/\u00a0/g, ' ');

async function openEditor() {
  await page.goto(`${fx.server.url}#/${POLICY}`);
  await expect.poll(() => deduction().textContent(), { timeout: 30_000 }).toMatch(/¥/);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await ensureAppBuilt();
  fx = await startFixture();
  const context = await fx.browser.newContext({ viewport: { width: 1600, height: 1000 } });
  await context.addInitScript(() => { if (!localStorage.getItem('ratecard:language')) localStorage.setItem('ratecard:language', 'en'); });
  page = await context.newPage();
}, 240_000);

afterAll(async () => {
  await fx?.close();
});

describe('policy editor in the browser', { timeout: 90_000 }, () => {
  it('edits step_rate in the form, rewrites the YAML and previews exactly what the engine computes', async () => {
    const saved = readFileSync(join(fx.dir, 'policies', POLICY), 'utf8');
    const before = statementOf(fx.dir, saved);
    await openEditor();
    await expect.poll(() => deduction().textContent()).toBe(formatMoney(before.totals.byKind.deduction, 'en'));
    await expect.poll(() => stepRate().inputValue()).toBe('2');
    await shot('01-opened');

    await stepRate().fill('3');
    const edited = saved.replace('    value: 0.02\n', '    value: 0.03\n');
    expect(edited).not.toBe(saved);
    await expect.poll(() => monacoText()).toContain('value: 0.03');
    const after = statementOf(fx.dir, edited);
    expect(after.totals.byKind.deduction).not.toBe(before.totals.byKind.deduction);
    await expect.poll(() => deduction().textContent(), { timeout: 20_000 }).toBe(formatMoney(after.totals.byKind.deduction, 'en'));

    const impact = compareStatements(before, after);
    await expect.poll(() => page.getByTestId('impact-total').textContent()).toBe(formatDelta(impact.delta.total, 'en'));
    const loser = impact.losers[0];
    await expect.poll(() => page.getByTestId('impact-losers').innerText()).toContain(loser.payeeId);
    const byPayee = page.getByRole('table', { name: 'By payee' });
    await expect.poll(() => byPayee.getByRole('row', { name: new RegExp(`^${loser.payeeId}\\b`) }).innerText()).toContain(formatDelta(loser.delta, 'en'));
    await expect.poll(() => page.getByTestId('compute-time').innerText()).toMatch(/computed in \d+ ms/);
    await shot('02-step-rate-3-percent');
  });

  it('shows a payee\'s trace: conditions with values and the formula with numbers', async () => {
    await page.getByTestId('payee-R02').click();
    await expect.poll(() => page.getByTestId('trace').innerText()).toContain('R02');
    const line = page.locator('[data-testid^="line-"][data-testid$="-under_completion"]').first();
    await line.click();
    const detail = page.getByTestId('line-detail');
    await expect.poll(() => detail.innerText()).toContain('step_rate');
    await expect.poll(() => page.getByTestId('formula').innerText()).toMatch(/0\.03/);
    await expect.poll(() => page.getByTestId('withheld').innerText()).toContain('fee_collection');
    await shot('03-trace');
  });

  it('marks a semantic error in Monaco and keeps the last good preview', async () => {
    const good = await deduction().textContent();
    await page.locator('.monaco-editor').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('\n  - { id: extra, kind: bonus, amount: no_such_name * 2 }\n');
    await expect.poll(() => editorProblems().allInnerTexts(), { timeout: 20_000 }).toEqual(
      expect.arrayContaining([expect.stringContaining('no_such_name')]),
    );
    await expect.poll(() => page.locator('.monaco-editor .squiggly-error').count()).toBeGreaterThan(0);
    expect(await deduction().textContent()).toBe(good);
    await shot('04-yaml-error-marker');

    // The server refuses to save it and says why.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByLabel('Author').fill('Li Wei');
    await page.getByLabel('Why (message)').fill('try an unknown name');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('save-status').innerText()).toContain('Not saved: the policy has errors.');
    expect(await page.getByTestId('save-status').innerText()).toContain('no_such_name');
    await page.locator('.monaco-editor').first().click();
    await page.keyboard.press('Control+End');
    // Remove what was typed: the cursor is at the start of the last line, the text is two lines up.
    await page.keyboard.press('Shift+ArrowUp');
    await page.keyboard.press('Shift+ArrowUp');
    await page.keyboard.press('Backspace');
    await expect.poll(() => editorProblems().count(), { timeout: 20_000 }).toBe(0);
  });

  it('documents keys on hover and completes the policy\'s names in values and the schema\'s keys', async () => {
    await page.locator('.monaco-editor').first().click();
    await page.keyboard.press('Control+Home');
    await page.locator('.view-line', { hasText: 'rounding:' }).first().hover({ position: { x: 20, y: 5 } });
    await expect.poll(() => page.locator('.monaco-hover').allInnerTexts(), { timeout: 20_000 }).toEqual(
      expect.arrayContaining([expect.stringContaining('How each statement line is rounded')]),
    );
    await page.locator('.monaco-editor').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('\n  - id: extra\n    kind: bonus\n    amount: step_');
    await page.keyboard.press('Control+Space');
    const suggestions = page.locator('.suggest-widget');
    await expect.poll(() => suggestions.innerText(), { timeout: 20_000 }).toContain('step_rate');
    await page.keyboard.press('Escape');
    await page.keyboard.insertText('rate\n    ga');
    await page.keyboard.press('Control+Space');
    await expect.poll(() => suggestions.innerText(), { timeout: 20_000 }).toMatch(/\bgate\b/);
    expect(await suggestions.innerText()).not.toContain('step_rate');
    await shot('05-completion');
    await page.keyboard.press('Escape');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowUp');
    await page.keyboard.press('Backspace');
    await expect.poll(() => editorProblems().count(), { timeout: 20_000 }).toBe(0);
  });

  it('restores unsaved edits after a reload, saves with author and message, and shows the saved value after a reload', async () => {
    await page.reload();
    await expect.poll(() => page.getByTestId('restored').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => stepRate().inputValue()).toBe('3');

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByLabel('Author').fill('Li Wei');
    await page.getByLabel('Why (message)').fill('raise the step rate to 3 %');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('save-status').innerText()).toContain('Saved version');
    expect(readFileSync(join(fx.dir, 'policies', POLICY), 'utf8')).toContain('    value: 0.03\n');

    await page.reload();
    await expect.poll(() => stepRate().inputValue(), { timeout: 20_000 }).toBe('3');
    expect(await page.getByTestId('restored').count()).toBe(0);
    await page.getByRole('button', { name: 'History' }).click();
    await expect.poll(() => page.getByTestId('history-table').innerText()).toContain('raise the step rate to 3 %');
    await page.getByRole('button', { name: 'Show diff' }).click();
    await expect.poll(() => page.getByTestId('diff').innerText()).toContain('+    value: 0.03');
    await shot('06-saved-history');
  });

  it('refuses a save when the file changed on disk since it was loaded', async () => {
    const file = join(fx.dir, 'policies', POLICY);
    writeFileSync(file, readFileSync(file, 'utf8').replace('value: 1.30', 'value: 1.25'));
    await stepRate().fill('4');
    await expect.poll(() => monacoText()).toContain('value: 0.04');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByLabel('Why (message)').fill('step rate 4 %');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('save-status').innerText()).toContain('changed since you loaded it');
    expect(readFileSync(file, 'utf8')).toContain('value: 1.25');
    await page.getByRole('button', { name: 'Show the difference' }).click();
    await expect.poll(() => page.getByTestId('save-status').innerText()).toContain('+  max_ratio: { type: ratio, value: 1.25');
    await shot('07-conflict');
  });

  it('switches to Chinese with the glossary terms', async () => {
    await page.getByLabel('Language').selectOption('zh-CN');
    await expect.poll(() => page.locator('table.totals').innerText()).toContain('扣减');
    for (const term of ['酬金', '返还', '奖励', '合计']) expect(await page.locator('table.totals').innerText()).toContain(term);
    await shot('08-zh-CN');
    await page.getByLabel('语言').selectOption('en');
  });

  it('previews a chosen range of months', async () => {
    const text = readFileSync(join(fx.dir, 'policies', POLICY), 'utf8');
    await page.evaluate((file) => localStorage.removeItem(`ratecard:draft:${file}`), POLICY);
    await page.reload();
    await expect.poll(() => deduction().textContent(), { timeout: 30_000 }).toMatch(/¥/);
    const loaded = loadPolicy({ file: POLICY, text });
    if (!loaded.ok) throw new Error('policy does not load');
    const table = (t: string) => ({ file: `${t}.csv`, text: readFileSync(join(fx.dir, 'data/rural-contract', `${t}.csv`), 'utf8') });
    const data = readDataset({ payees: table('payees'), facts: table('facts') }, loaded.policy);
    if (!data.ok) throw new Error('dataset does not read');
    const q2 = settle(loaded.policy, data.dataset, { from: '2025-04', to: '2025-06' });
    await page.getByLabel('From month').fill('2025-04');
    await page.getByLabel('To month').fill('2025-06');
    await expect.poll(() => page.locator('.preview').innerText(), { timeout: 20_000 }).toContain('2025-04 – 2025-06');
    await expect.poll(() => page.getByTestId('total-total').textContent()).toBe(formatMoney(q2.totals.total, 'en'));
    expect(await deduction().textContent()).toBe(formatMoney(q2.totals.byKind.deduction, 'en'));
    await page.getByLabel('From month').fill('');
    await page.getByLabel('To month').fill('');
    await expect.poll(() => page.locator('.preview').innerText(), { timeout: 20_000 }).toContain('2025-01 – 2025-12');
  });

  it('loads payees from CSV and facts from Excel, and shows row-level errors of a bad file', async () => {
    const policyText = readFileSync(join(fx.dir, 'policies', POLICY), 'utf8');
    const payees = readFileSync(join(fx.dir, 'data/rural-contract/payees.csv'));
    // R01 misses January's plan by far in the uploaded facts: a total the bundled data does not give.
    const factsCsv = readFileSync(join(fx.dir, 'data/rural-contract/facts.csv'), 'utf8').replace('2025-01,R01,74700,75969.9,', '2025-01,R01,74700,60000,');
    const expected = statementOf(fx.dir, policyText, factsCsv);
    expect(expected.totals.byKind.deduction).not.toBe(statementOf(fx.dir, policyText).totals.byKind.deduction);
    const factRows = factsCsv.trimEnd().split('\n').map((l) => l.split(','));
    // A different total first, so the change to the uploaded files is seen.
    await page.getByLabel('Bundled dataset').selectOption('postal-agency');
    await expect.poll(() => page.locator('.preview').innerText(), { timeout: 20_000 }).toContain('The dataset does not fit the policy');

    await page.getByText('Load files').click();
    await page.getByLabel('payees (.csv/.xlsx)').setInputFiles({ name: 'payees.csv', mimeType: 'text/csv', buffer: payees });
    await page.getByLabel('facts (.csv/.xlsx)', { exact: false }).first().setInputFiles({ name: 'facts.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: writeXlsx(factRows) });
    await page.getByRole('button', { name: 'Use these files' }).click();
    await expect.poll(() => deduction().textContent(), { timeout: 30_000 }).toBe(formatMoney(expected.totals.byKind.deduction, 'en'));
    await expect.poll(() => page.getByTestId('total-total').textContent()).toBe(formatMoney(expected.totals.total, 'en'));
    expect(await page.locator('.preview').innerText()).not.toContain('The dataset does not fit the policy');

    const bad = factsCsv.split('\n');
    bad[3] = bad[3].replace(/^([^,]*,[^,]*,[^,]*,)[^,]*/, '$187x16');
    await page.getByText('Load files').click();
    await page.getByLabel('facts (.csv/.xlsx)', { exact: false }).first().setInputFiles({ name: 'facts-bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad.join('\n')) });
    await page.getByRole('button', { name: 'Use these files' }).click();
    const errors = page.getByRole('region', { name: 'The dataset does not fit the policy' });
    await expect.poll(() => errors.innerText(), { timeout: 20_000 }).toMatch(/facts-bad\.csv:4:\d+ revenue_actual: .*`87x16`/);
    // The last good result stays visible.
    expect(await deduction().textContent()).toBe(formatMoney(expected.totals.byKind.deduction, 'en'));
    await shot('10-uploaded-files-with-errors');
  });

  it('edits a map and a tier table of another policy', async () => {
    await page.getByLabel('Policies').selectOption('postal-agency.yaml');
    const mobile = page.getByRole('textbox', { name: /^card_rate mobile/ });
    await expect.poll(() => mobile.inputValue(), { timeout: 30_000 }).toBe('2.5');
    const text = readFileSync(join(fx.dir, 'policies/postal-agency.yaml'), 'utf8');
    const edited = text.replace('{ mobile: 0.025,', '{ mobile: 0.03,');
    expect(edited).not.toBe(text);
    const loaded = loadPolicy({ file: 'postal-agency.yaml', text: edited });
    if (!loaded.ok) throw new Error('policy does not load');
    const table = (t: string) => ({ file: `${t}.csv`, text: readFileSync(join(fx.dir, 'data/postal-agency', `${t}.csv`), 'utf8') });
    const data = readDataset({ payees: table('payees'), facts: table('facts') }, loaded.policy);
    if (!data.ok) throw new Error('dataset does not read');
    const expected = settle(loaded.policy, data.dataset);

    await mobile.fill('3');
    await expect.poll(() => monacoText()).toContain('value: { mobile: 0.03, unicom: 0.030, telecom: 0.035 }');
    await expect.poll(() => page.getByTestId('total-commission').textContent(), { timeout: 20_000 }).toBe(formatMoney(expected.totals.byKind.commission, 'en'));

    await page.getByRole('button', { name: 'Add row' }).click();
    await expect.poll(() => monacoText()).toContain('- { min: 0, award: 0 }');
    await page.getByRole('textbox', { name: /^competition_tiers 4 min/ }).fill('0.9');
    await page.getByRole('textbox', { name: /^competition_tiers 4 award/ }).fill('500');
    await expect.poll(() => monacoText()).toContain('- { min: 0.9, award: 500 }');
    await expect.poll(() => page.getByRole('textbox', { name: /^competition_tiers 4 award/ }).inputValue()).toBe('500');
    await shot('09-map-and-tiers');
  });

  it('previews a generated 10,000-payee × 12-month dataset and reports the worker\'s compute time', async () => {
    const big = generateRuralDataset(10_000, 12);
    mkdirSync(join(fx.dir, 'data', 'generated-10k'));
    writeFileSync(join(fx.dir, 'data', 'generated-10k', 'payees.csv'), big.payees);
    writeFileSync(join(fx.dir, 'data', 'generated-10k', 'facts.csv'), big.facts);
    await page.goto(`${fx.server.url}#/${POLICY}`);
    await page.reload();
    await expect.poll(() => deduction().textContent(), { timeout: 30_000 }).toMatch(/¥/);
    await page.getByLabel('Bundled dataset').selectOption('generated-10k');
    await expect.poll(() => page.locator('.preview').innerText(), { timeout: 180_000 }).toContain('10000 payees');
    const ms = await page.getByTestId('compute-time').getAttribute('data-ms');
    console.log(`editor preview: worker compute time for 10,000 payees × 12 months: ${ms} ms`);
    await page.getByLabel('Find a payee').fill('G09999');
    await page.getByTestId('payee-G09999').click();
    await expect.poll(() => page.getByTestId('trace').innerText(), { timeout: 30_000 }).toContain('2025-12');
    // every payee can be scrolled to, with only the rows in view in the page
    await page.getByLabel('Find a payee').fill('');
    const table = page.locator('.payee-table');
    await expect.poll(() => table.innerText()).toContain('10000 payees: scroll, or type to find one');
    expect(await table.locator('tbody tr:not(.spacer)').count()).toBeLessThan(60);
    expect(await page.getByTestId('payee-G10000').count()).toBe(0);
    await table.evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await page.getByTestId('payee-G10000').waitFor({ timeout: 10_000 });
    expect(await table.locator('tbody tr:not(.spacer)').count()).toBeLessThan(60);
    await shot('11-generated-10k');
  }, 240_000);
});

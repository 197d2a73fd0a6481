// Exact input, whatever the timing: values typed into the form's number fields (money, percent,
// map, tiers, schedule, ratio) with 0, 50, 150 and 300 ms between keys, including retyping the
// current value, full-width digits, ％, ¥, 元 and thousands separators. Every run checks what the
// field shows right after typing and again once the worker's preview of that text has arrived
// (the late answer must never reset it), then the YAML (the whole text: only that value changed,
// written as the exact decimal), then what the field shows after leaving it.
// RATECARD_TYPING_RUNS sets the number of runs (default 40).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadPolicy } from '../../../engine/index.js';
import { setYamlValue, type YamlPath } from '../../../editor/src/form/yaml-rewrite.js';
import { ensureAppBuilt } from './app-build.js';
import { startFixture, type EditorFixture } from './editor-fixture.js';
import { openPage, SHOTS } from './editor-page.js';
import { yamlNow } from './yaml-now.js';

vi.setConfig({ expect: { poll: { timeout: 20_000 } } });

const RUNS = Number(process.env.RATECARD_TYPING_RUNS ?? 40);
const DELAYS = [0, 50, 150, 300];

interface Field { file: string; label: RegExp; path: YamlPath; param: string }
const field = (file: string, param: string, label: RegExp, ...sub: (string | number)[]): Field =>
  ({ file, param, label, path: ['params', param, 'value', ...sub] });

const RURAL = 'rural-contract.yaml', POSTAL = 'postal-agency.yaml';
const price = field(RURAL, 'maintenance_price', /^maintenance_price —/);
const stepRate = field(RURAL, 'step_rate', /^step_rate —/);
const share = field(RURAL, 'refund_schedule', /^refund_schedule 6 Q1 —/, '6', 'Q1');
const ratio = field(RURAL, 'max_ratio', /^max_ratio —/);
const card = field(POSTAL, 'card_rate', /^card_rate mobile —/, 'mobile');
const perNumber = field(POSTAL, 'number_price', /^number_price mobile —/, 'mobile');
const award = field(POSTAL, 'competition_tiers', /^competition_tiers 2 award —/, 1, 'award');
const tierMin = field(POSTAL, 'competition_tiers', /^competition_tiers 2 min —/, 1, 'min');

/** What is typed, the decimal the YAML must hold, and what the field shows after leaving it. */
interface Step { field: Field; typed: string; yaml: string; shown: string }
const step = (f: Field, typed: string, yaml: string, shown = typed): Step => ({ field: f, typed, yaml, shown });

// Each field comes back to its saved value; a value typed twice in a row retypes the current value.
// 29 steps: coprime with the 4 delays, so every step meets every delay.
const STEPS: Step[] = [
  step(price, '1.8', '1.8'), step(price, '1.8', '1.8'), step(price, '１．８５', '1.85', '1.85'),
  step(price, '¥1,234.5', '1234.5', '1234.5'), step(price, '2元', '2', '2'), step(price, '1.50', '1.50'), step(price, '1.50', '1.50'),
  step(stepRate, '2.5', '0.025'), step(stepRate, '2.5', '0.025'), step(stepRate, '３％', '0.03', '3'),
  step(stepRate, '0.5', '0.005'), step(stepRate, '2', '0.02'), step(stepRate, '2', '0.02'),
  step(share, '0.75', '0.75'), step(share, '０．８', '0.8', '0.8'), step(share, '0.80', '0.80'), step(share, '0.80', '0.80'),
  step(ratio, '1.25', '1.25'), step(ratio, '1.30', '1.30'),
  step(card, '3', '0.03'), step(card, '2.75', '0.0275'), step(card, '2.5', '0.025'), step(card, '2.5', '0.025'),
  step(perNumber, '30.5', '30.5'), step(perNumber, '１，０００', '1000', '1000'), step(perNumber, '30', '30'),
  step(award, '2,500', '2500', '2500'), step(award, '2000', '2000'),
  step(tierMin, '1.15', '1.15'),
];

let fx: EditorFixture;
const pages = new Map<string, Page>();
const expected = new Map<string, string>();

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await ensureAppBuilt();
  fx = await startFixture();
  for (const file of [RURAL, POSTAL]) {
    expected.set(file, readFileSync(join(fx.dir, 'policies', file), 'utf8'));
    pages.set(file, await openPage(fx, file, { width: 1600, height: 1000 }));
  }
}, 240_000);

afterAll(async () => {
  await fx?.close();
});

describe('exact input in the form', () => {
  it(`keeps every typed value over ${RUNS} timed runs (delays ${DELAYS.join(', ')} ms)`, async () => {
    const tally = new Map<number, number>();
    for (let run = 0; run < RUNS; run++) {
      const { field: f, typed, yaml, shown } = STEPS[run % STEPS.length];
      const delay = DELAYS[run % DELAYS.length];
      const page = pages.get(f.file)!;
      const input = page.getByRole('textbox', { name: f.label });
      const where = `run ${run + 1}: ${typed} into ${f.path.join('.')} at ${delay} ms`;
      await input.click();
      await input.press('Control+A');
      await input.pressSequentially(typed, { delay });
      expect(await input.inputValue(), where).toBe(typed);
      // The worker's answer about this very text has arrived: the field still shows what was typed.
      await expect.poll(() => page.locator('.preview[data-settled="true"]').count(), { message: where }).toBe(1);
      expect(await input.inputValue(), where).toBe(typed);
      const want = setYamlValue(expected.get(f.file)!, f.path, yaml);
      expected.set(f.file, want);
      const text = await yamlNow(page, f.file, fx.dir);
      expect(text, where).toBe(want);
      const loaded = loadPolicy({ file: f.file, text });
      expect(loaded.ok, where).toBe(true);
      await input.press('Tab');
      await expect.poll(() => input.inputValue(), { message: where }).toBe(shown);
      expect(await yamlNow(page, f.file, fx.dir), where).toBe(want);
      tally.set(delay, (tally.get(delay) ?? 0) + 1);
    }
    console.log(`exact input: ${RUNS} timed runs passed (${[...tally].map(([d, n]) => `${n} at ${d} ms`).join(', ')})`);
  }, Math.max(120_000, RUNS * 8_000));

  it('shows full-width input as typed while focused, in Chinese too', async () => {
    const page = pages.get(RURAL)!;
    await page.getByLabel('Language').selectOption('zh-CN');
    const input = page.getByRole('textbox', { name: price.label });
    await input.click();
    await input.press('Control+A');
    await input.pressSequentially('￥１，２３４．５６元', { delay: 50 });
    await expect.poll(() => page.locator('.preview[data-settled="true"]').count()).toBe(1);
    expect(await input.inputValue()).toBe('￥１，２３４．５６元');
    await page.screenshot({ path: join(SHOTS, 'exact-input-full-width-zh-CN.png') });
    await input.press('Tab');
    await expect.poll(() => input.inputValue()).toBe('1234.56');
    expect(await yamlNow(page, RURAL, fx.dir)).toContain('value: 1234.56,');
    await page.screenshot({ path: join(SHOTS, 'exact-input-normalized-zh-CN.png') });
    await page.getByLabel('语言').selectOption('en');
    await page.screenshot({ path: join(SHOTS, 'exact-input-normalized-en.png') });
  });
});

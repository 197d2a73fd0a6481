// The HTML payee statements and policy document as a reader sees them: rendered by Chromium
// (screenshots in test-output/lifecycle/) and printed to PDF, one statement per page.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, scratch, settleArgs } from '../fixtures/run-cli.js';

const OUT = 'test-output/lifecycle';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let browser: Browser;
beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
});
afterAll(async () => { await browser?.close(); });

async function render(html: string, name: string) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.setContent(html, { waitUntil: 'load' });
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: false });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  writeFileSync(join(OUT, `${name}.pdf`), pdf);
  const text = await page.evaluate(() => document.body.innerText);
  await page.close();
  return { pdf: Buffer.from(pdf), text };
}

/** Pages of a PDF Chromium printed (each page object is `/Type /Page`, the tree `/Type /Pages`). */
const pagesOf = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

describe('rendered documents', () => {
  it('payee statements print one statement per page', async () => {
    const dir = scratch('ratecard-render-');
    const out = dir.path('service-center.html');
    expect((await runCli([...settleArgs('service-center'), '--withheld', '--out', out])).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    const sections = html.match(/<section>/g)!.length;
    const { pdf, text } = await render(html, 'payee-statements-service-center');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pagesOf(pdf)).toBeGreaterThanOrEqual(sections);
    expect(text).toContain('渠道酬金对账单 S01 2025-01');
    expect(text).toContain('应付合计');
  });

  it('the policy document renders in Chinese with its worked examples', async () => {
    const { stdout } = await runCli(['document', 'policies/bonus-pool.yaml']);
    const { pdf, text } = await render(stdout, 'policy-document-bonus-pool');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pagesOf(pdf)).toBeGreaterThan(1);
    expect(text).toContain('五、计发规则');
    expect(text).toContain('示例 1：团队奖金池按加权得分比例分配');
  });
});

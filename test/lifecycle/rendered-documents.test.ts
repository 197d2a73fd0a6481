// The payee statements and the policy document as a reader gets them: PDFs printed by Chromium
// (`--out x.pdf`, one statement per page) and the HTML rendered by Chromium (screenshots in
// test-output/lifecycle/).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlToPdf } from '../../cli/formats/html-to-pdf.js';
import { runCli, scratch, settleArgs } from '../fixtures/run-cli.js';

const OUT = 'test-output/lifecycle';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let browser: Browser;
beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
});
afterAll(async () => { await browser?.close(); });

/** The page's text as Chromium lays it out, and a screenshot of its top. */
async function render(html: string, name: string): Promise<string> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.setContent(html, { waitUntil: 'load' });
  await page.screenshot({ path: join(OUT, `${name}.png`) });
  const text = await page.evaluate(() => document.body.innerText);
  await page.close();
  return text;
}

/** Pages of a PDF Chromium printed (each page object is `/Type /Page`, the tree `/Type /Pages`). */
const pagesOf = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

describe('rendered documents', () => {
  it('payee statements as PDF: one statement per page', async () => {
    const dir = scratch('ratecard-render-');
    const html = dir.path('statements.html');
    expect((await runCli([...settleArgs('service-center'), '--withheld', '--out', html])).code).toBe(0);
    const sections = readFileSync(html, 'utf8').match(/<section>/g)!.length;
    const pdf = join(OUT, 'payee-statements-service-center.pdf');
    const run = await runCli([...settleArgs('service-center'), '--withheld', '--out', pdf]);
    expect(run.code).toBe(0);
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pagesOf(bytes)).toBeGreaterThanOrEqual(sections);
    const text = await render(readFileSync(html, 'utf8'), 'payee-statements-service-center');
    expect(text).toContain('渠道酬金对账单 S01 2025-01');
    expect(text).toContain('应付合计');
  });

  it('the policy document as PDF and as a page in Chinese with its worked examples', async () => {
    const pdf = join(OUT, 'policy-document-bonus-pool.pdf');
    expect((await runCli(['document', 'policies/bonus-pool.yaml', '--out', pdf])).code).toBe(0);
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pagesOf(bytes)).toBeGreaterThan(1);
    const text = await render((await runCli(['document', 'policies/bonus-pool.yaml'])).stdout, 'policy-document-bonus-pool');
    expect(text).toContain('五、计发规则');
    expect(text).toContain('示例 1：团队奖金池按加权得分比例分配');
  });

  it('without Chromium a PDF is a located error that says what to do', async () => {
    await expect(htmlToPdf('<p>x</p>', 'out.pdf', '/no/chromium')).rejects.toThrow(
      'out.pdf:1:1 out: cannot write a PDF: no Chromium at `/no/chromium` (install it, or set RATECARD_CHROMIUM to its path); or write .html and print it from a browser');
  });

  it('a PDF needs --out', async () => {
    const run = await runCli([...settleArgs('rural-contract'), '--format', 'pdf']);
    expect(run.stderr).toContain('--format pdf writes a file: give --out FILE.pdf');
    expect(run.code).toBe(2);
  });
});

// An HTML document printed to PDF (A4) by a headless Chromium, through playwright-core. Both are
// optional: without them a PDF is a located error that says what to install (or print the HTML
// from any browser). The Chromium is RATECARD_CHROMIUM, else /usr/bin/chromium.
import { existsSync } from 'node:fs';
import { errorAt, RatecardError } from '../../engine/index.js';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function htmlToPdf(html: string, out: string, chromiumPath = '/usr/bin/chromium'): Promise<Uint8Array> {
  const fail = (why: string) => new RatecardError([errorAt({ file: out, line: 1, column: 1 }, 'out', `cannot write a PDF: ${why}; or write .html and print it from a browser`, 'pdf-unavailable')]);
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw fail('it needs `playwright-core` (npm install playwright-core) and Chromium');
  }
  if (!existsSync(chromiumPath)) throw fail(`no Chromium at \`${chromiumPath}\` (install it, or set RATECARD_CHROMIUM to its path)`);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true, margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' } }));
  } finally {
    await browser.close();
  }
}

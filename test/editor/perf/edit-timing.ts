// Times one parameter edit in the page itself: from the input event of the field to the moment
// the preview is complete again for the new text (result and impact on screen, `data-settled`),
// and to the moment the impact's total shows. Prints figures; asserts nothing about time.
import type { Page } from 'playwright-core';

export interface EditTiming { toResultMs: number; toImpactMs: number; impactTotal: string; workerMs: string; impactWorkerMs: string }

declare global {
  interface Window { __edit?: { at?: number; result?: number; settled?: number } }
}

/** Fills `label` with `value` and waits (up to `timeout`) until the impact of the new text is shown. */
export async function timeEdit(page: Page, label: string, value: string, timeout: number): Promise<EditTiming> {
  await page.evaluate(() => {
    const w = window;
    w.__edit = {};
    document.addEventListener('input', () => { if (w.__edit && w.__edit.at === undefined) w.__edit.at = performance.now(); }, { capture: true, once: true });
    const preview = document.querySelector('.preview')!;
    let unsettled = false, busy = false;
    const observer = new MutationObserver(() => {
      const e = w.__edit!;
      if (e.at === undefined) return;
      if (preview.getAttribute('data-settled') === 'false') unsettled = true;
      if (preview.getAttribute('aria-busy') === 'true') busy = true;
      if (e.result === undefined && busy && preview.getAttribute('aria-busy') === 'false') e.result = performance.now();
      if (unsettled && preview.getAttribute('data-settled') === 'true') {
        e.settled = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(preview, { attributes: true, attributeFilter: ['data-settled', 'aria-busy'] });
  });
  await page.getByLabel(label, { exact: false }).fill(value);
  await page.waitForFunction(() => window.__edit?.settled !== undefined, undefined, { timeout, polling: 50 });
  const e = await page.evaluate(() => window.__edit!);
  const impactTotal = (await page.getByTestId('impact-total').textContent().catch(() => null)) ?? '(no impact shown)';
  const workerMs = (await page.getByTestId('compute-time').getAttribute('data-ms').catch(() => null)) ?? '?';
  const impactWorkerMs = ((await page.getByTestId('impact-time').textContent().catch(() => null)) ?? '').match(/\d+/)?.[0] ?? '?';
  return { workerMs, impactWorkerMs, toResultMs: Math.round((e.result ?? e.settled!) - e.at!), toImpactMs: Math.round(e.settled! - e.at!), impactTotal };
}

// Times one payee's trace in the page: from the click on the payee in the payee table to its
// lines on screen (the worker reads the payee's rows from the tables again, settles it alone
// with the population values of all payees, and sends its traces). Prints figures; asserts
// nothing about time.
import type { Page } from 'playwright-core';

/** Clicks the `nth` payee of the payee table and waits (up to `timeout`) for its trace; the payee and the time in ms. */
export async function timeTrace(page: Page, nth: number, timeout: number): Promise<{ payeeId: string; ms: number }> {
  const button = page.locator('[data-testid^="payee-"]').nth(nth);
  const payeeId = (await button.getAttribute('data-testid'))!.slice('payee-'.length);
  const started = Date.now();
  await button.click();
  await page.getByTestId('trace').locator(`[data-testid^="line-"]`).first().waitFor({ timeout });
  await page.getByTestId('trace').filter({ hasText: payeeId }).waitFor({ timeout });
  return { payeeId, ms: Date.now() - started };
}

// The policy's YAML as the editor holds it now: the unsaved draft the page keeps in localStorage
// on every edit, or, when there is none (the text is the saved one), the file on disk.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export async function yamlNow(page: Page, file: string, dir: string): Promise<string> {
  const draft = await page.evaluate((f) => localStorage.getItem(`ratecard:draft:${f}`), file);
  return draft ? (JSON.parse(draft) as { text: string }).text : readFileSync(join(dir, 'policies', file), 'utf8');
}

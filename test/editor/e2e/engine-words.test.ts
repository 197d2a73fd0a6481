// The engine's words in Chinese: condition steps, withheld reasons and policy problems come from
// the engine as message codes and show as the engine's own zh-CN rendering of them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { diagnosticMessage, loadPolicy, render as renderMessage, type ConditionTrace } from '../../../engine/index.js';
import type { EditorFixture } from './editor-fixture.js';
import { editorPage, ruralStatement, settled, SHOTS } from './editor-page.js';
import { seriousViolations } from './page-checks.js';

const POLICY = 'rural-contract.yaml';
const ed = editorPage(POLICY, { language: 'zh-CN' });
let fx: EditorFixture;
let page: Page;
beforeAll(() => ({ fx, page } = ed));
const zh = (c: ConditionTrace): string[] => [c.msg ? renderMessage(c.msg, 'zh-CN') : c.text, ...(c.children ?? []).flatMap(zh)];

describe('the engine\'s words in Chinese', { timeout: 120_000 }, () => {
  it('shows condition steps and withheld reasons as the engine renders them in zh-CN', async () => {
    const text = readFileSync(join(fx.dir, 'policies', POLICY), 'utf8');
    const statement = ruralStatement(fx.dir, text, { detail: 'trace' });
    const line = statement.lines.find((l) => l.payeeId === 'R02' && l.period === '2025-02' && l.line === 'under_completion')!;
    const expected = (line.trace?.conditions ?? []).flatMap(zh);
    expect(expected.some((s) => /[\u4e00-\u9fff]/.test(s))).toBe(true);
    await page.getByTestId('payee-R02').click();
    await page.getByTestId('line-2025-02-under_completion').click();
    await expect.poll(() => page.locator('.trace .conditions code').allTextContents()).toEqual(expected);

    const held = statement.withheld[0];
    expect(held.reasonMessage).toBeDefined();
    await page.getByTestId(`payee-${held.payeeId}`).click();
    const reasons = page.getByTestId('withheld').locator('tbody tr td:last-child');
    await expect.poll(() => reasons.allTextContents()).toEqual(statement.withheld.filter((w) => w.payeeId === held.payeeId).map((w) => renderMessage(w.reasonMessage!, 'zh-CN')));
    await page.screenshot({ path: join(SHOTS, 'engine-words-zh-CN.png') });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows a policy problem in Chinese', async () => {
    const broken = readFileSync(join(fx.dir, 'policies', POLICY), 'utf8').replace('  step_rate:\n', '  step_rat:\n');
    const loaded = loadPolicy({ file: `policies/${POLICY}`, text: broken });
    if (loaded.ok) throw new Error('the broken policy loads');
    writeFileSync(join(fx.dir, 'policies', POLICY), broken);
    await page.reload();
    await settled(page, 60_000);
    const problems = page.getByRole('region', { name: '问题' }).getByTestId('problem');
    await expect.poll(() => problems.count()).toBe(loaded.diagnostics.length);
    const shown = await problems.allInnerTexts();
    for (const [i, d] of loaded.diagnostics.entries()) expect(shown[i]).toContain(diagnosticMessage(d, 'zh-CN'));
    expect(shown.join('\n')).toMatch(/[\u4e00-\u9fff]/);
  });
});

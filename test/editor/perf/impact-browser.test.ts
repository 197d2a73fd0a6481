// The preview in Chromium over 4,400 generated payees × 12 months (enough for the helper worker
// to settle half of them): parameter edits show exactly the engine's totals and impact against
// the saved text (a full settle of both texts and compareStatements), the edit → impact time printed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setYamlValue } from '../../../editor/src/form/yaml-rewrite.js';
import { formatDelta, formatMoney } from '../../../editor/src/format/money.js';
import { ensureAppBuilt } from '../e2e/app-build.js';
import { type EditorFixture, startFixture } from '../e2e/editor-fixture.js';
import { timeEdit } from './edit-timing.js';
import { type GeneratedPage, openGenerated, POLICY } from './generated-page.js';
import { fullStatement, oracleImpact } from './preview-oracle.js';

const PAYEES = 4_400;
let fx: EditorFixture;
let opened: GeneratedPage;

beforeAll(async () => {
  await ensureAppBuilt();
  fx = await startFixture();
  opened = await openGenerated(fx, PAYEES, 240_000);
}, 360_000);

afterAll(async () => {
  await fx?.close();
});

describe('the preview over thousands of payees shows the engine\'s figures', { timeout: 240_000 }, () => {
  it('edits step_rate, then fee_rate: totals and impact equal a full settle and compareStatements', async () => {
    const { page, tables } = opened;
    const saved = readFileSync(join(fx.dir, 'policies', POLICY), 'utf8');
    const before = fullStatement(saved, tables);
    let text = saved;
    for (const [param, percent, value] of [['step_rate', '3', '0.03'], ['fee_rate', '1.5', '0.015']] as const) {
      text = setYamlValue(text, ['params', param, 'value'], value);
      const timing = await timeEdit(page, param, percent, 200_000);
      console.log(`${PAYEES} payees: ${param} → ${percent} %: impact on screen in ${timing.toImpactMs} ms (worker: settle ${timing.workerMs} ms, impact ${timing.impactWorkerMs} ms)`);
      const after = fullStatement(text, tables);
      const impact = oracleImpact(before, after);
      expect(impact.changedLines).toBeGreaterThan(0);
      await expect.poll(() => page.getByTestId('total-deduction').textContent()).toBe(formatMoney(after.totals.byKind.deduction, 'en'));
      await expect.poll(() => page.getByTestId('total-commission').textContent()).toBe(formatMoney(after.totals.byKind.commission, 'en'));
      expect(await page.getByTestId('impact-total').textContent()).toBe(formatDelta(impact.delta.total, 'en'));
      const losers = await page.getByTestId('impact-losers').innerText();
      for (const loser of impact.losers.slice(0, 3)) expect(losers).toContain(loser.payeeId);
      expect(await page.locator('.preview').innerText()).toContain(`${after.lines.length} lines`);
    }
  });
});

// Compare anything: the saved version, the edit, a history version and a named scenario as A and
// B; totals by kind, compensation as a share of revenue, a breakdown by region, one payee's lines
// before and after, each equal to the engine's own results; a sweep of step_rate charting the
// total cost; the policy's tests run against the edit. English and Chinese, axe and 1,440 px checked.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareStatements, Exact, LINE_KINDS, parseCsv, readPolicyTests, runPolicyTests, type Statement } from '../../../engine/index.js';
import { formatDelta, formatMoney } from '../../../editor/src/format/money.js';
import type { EditorFixture } from './editor-fixture.js';
import { editorPage, retype, ruralStatement, settled, SHOTS } from './editor-page.js';
import { cutTables, seriousViolations } from './page-checks.js';

const POLICY = 'rural-contract.yaml';
const ed = editorPage(POLICY);
let fx: EditorFixture;
let page: Page;
let saved: string;
const at = (rate: string) => saved.replace('    value: 0.02\n', `    value: ${rate}\n`);
const statementOf = (text: string) => ruralStatement(fx.dir, text);
const rows = (file: string) => {
  const [h, ...rest] = parseCsv(readFileSync(join(fx.dir, 'data/rural-contract', file), 'utf8')).map((r) => r.cells.map((c) => c.trim()));
  return rest.map((r) => Object.fromEntries(h.map((k, i) => [k, r[i]])));
};
const sum = (xs: string[]) => xs.reduce((a, x) => a.add(Exact.parse(x)), Exact.ZERO);
const share = (total: string, revenue: Exact) => `${Exact.parse(total).mul(Exact.of(100)).div(revenue).toFixed(2)} %`;
const text = (testid: string) => page.getByTestId(testid).first().textContent();
const panel = () => page.getByTestId('compare-panel');
const idle = async (testid: string) => expect.poll(() => page.getByTestId(testid).getAttribute('data-busy')).toBe('false');

beforeAll(async () => {
  ({ fx, page } = ed);
  // The policy names its revenue fact (`revenue: revenue_actual`): the editor shows compensation
  // as a share of it. The file changes on disk once, so the history holds two versions.
  const file = join(fx.dir, 'policies', POLICY);
  saved = `${readFileSync(file, 'utf8')}# changed on disk\n`;
  writeFileSync(file, saved);
  await page.reload();
  await settled(page, 60_000);
}, 90_000);

async function checkTotals(before: Statement, after: Statement) {
  const engine = compareStatements(before, after);
  await expect.poll(() => text('cmp-delta-total')).toBe(formatDelta(engine.delta.total, 'en'));
  for (const k of LINE_KINDS) {
    expect(await text(`cmp-before-${k}`)).toBe(formatMoney(engine.before.byKind[k], 'en'));
    expect(await text(`cmp-after-${k}`)).toBe(formatMoney(engine.after.byKind[k], 'en'));
    expect(await text(`cmp-delta-${k}`)).toBe(formatDelta(engine.delta.byKind[k], 'en'));
  }
  return engine;
}

describe('compare anything', { timeout: 240_000 }, () => {
  it('compares the saved version with the edit: totals, share of revenue, by region, one payee\'s lines', async () => {
    await retype(page, /^step_rate —/, '5');
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const before = statementOf(saved), after = statementOf(at('0.05'));
    const engine = await checkTotals(before, after);
    expect(engine.delta.total).not.toBe('0.00');

    const revenue = sum(rows('facts.csv').filter((r) => r.period >= after.from && r.period <= after.to).map((r) => r.revenue_actual));
    expect(await text('share-before')).toBe(share(engine.before.total, revenue));
    expect(await text('share-after')).toBe(share(engine.after.total, revenue));

    const regions = new Map(rows('payees.csv').map((p) => [p.payee_id, p.region]));
    const groups = panel().getByTestId('compare-groups').locator('tbody tr');
    const names = [...new Set(regions.values())];
    await expect.poll(() => groups.count()).toBe(names.length);
    for (const region of names) {
      const mine = engine.payees.filter((p) => regions.get(p.payeeId) === region);
      const cells = await groups.filter({ has: page.locator(`th:text-is("${region}")`) }).locator('td').allTextContents();
      expect(cells.slice(0, 4)).toEqual([String(mine.length), formatMoney(sum(mine.map((p) => p.before)).toFixed(2), 'en'), formatMoney(sum(mine.map((p) => p.after)).toFixed(2), 'en'), formatDelta(sum(mine.map((p) => p.delta)).toFixed(2), 'en')]);
    }

    const top = engine.losers[0].payeeId;
    await panel().getByTestId('compare-payees').getByRole('button', { name: top, exact: true }).click();
    const lines = panel().getByTestId('compare-lines').locator('tbody tr');
    const own = (s: Statement) => s.lines.filter((l) => l.payeeId === top);
    await expect.poll(() => lines.count()).toBe(new Set([...own(before), ...own(after)].map((l) => `${l.period}/${l.line}/${l.kind}`)).size);
    const shown = await lines.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    const amount = (s: Statement, period: string, line: string) => formatMoney(sum(own(s).filter((l) => l.period === period && l.line === line).map((l) => l.amount)).toFixed(2), 'en');
    for (const [period, line, , a, b] of shown as string[][]) expect([a, b]).toEqual([amount(before, period, line), amount(after, period, line)]);
    await page.getByTestId('compare-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'compare-anything-en.png'), fullPage: true });
  });

  it('keeps the edit as a named scenario and compares it with a later edit and with a history version', async () => {
    await panel().getByLabel('Scenario name').fill('step 5 %');
    await panel().getByRole('button', { name: 'Keep the edit as a scenario' }).click();
    await expect.poll(() => panel().getByTestId('scenarios').textContent()).toContain('step 5 %');
    await retype(page, /^step_rate —/, '3');
    await panel().getByLabel('Before (A)').selectOption({ label: 'Scenario: step 5 %' });
    await checkTotals(statementOf(at('0.05')), statementOf(at('0.03')));

    // The history holds the file as first loaded and as changed on disk.
    const options = await panel().getByLabel('Before (A)').locator('option').allTextContents();
    const versions = options.filter((o) => o.startsWith('Version '));
    expect(versions.length).toBe(2);
    await panel().getByLabel('Before (A)').selectOption({ label: versions[1] });
    const original = readFileSync(join(fx.dir, '.ratecard/history', POLICY, `${(await panel().getByLabel('Before (A)').inputValue()).slice(2)}.yaml`), 'utf8');
    expect(original).not.toContain('# changed on disk');
    await checkTotals(statementOf(original), statementOf(at('0.03')));

    // Scenarios are kept in this browser, per policy.
    await page.reload();
    await settled(page, 60_000);
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await expect.poll(() => panel().getByTestId('scenarios').textContent()).toContain('step 5 %');
  });

  it('sweeps step_rate from 1 % to 5 % and charts the total cost, each as the engine settles it', async () => {
    const sweep = page.getByTestId('sweep-panel');
    await sweep.getByLabel('Parameter').selectOption('step_rate');
    await sweep.getByLabel('From (%)').fill('1');
    await sweep.getByLabel('To (%)').fill('5');
    await sweep.getByLabel('Steps').fill('5');
    await sweep.getByRole('button', { name: 'Run sweep' }).click();
    const table = sweep.getByTestId('sweep-table').locator('tbody tr');
    await expect.poll(() => table.count()).toBe(5);
    const totals = ['0.01', '0.02', '0.03', '0.04', '0.05'].map((r) => statementOf(at(r)).totals.total);
    expect(new Set(totals).size).toBe(5);
    const current = Exact.parse(totals[2]);
    for (const [i, rate] of ['1', '2', '3', '4', '5'].entries()) {
      const cells = await table.nth(i).locator('th, td').allTextContents();
      expect(cells).toEqual([`${rate} %${i === 2 ? ' (current)' : ''}`, formatMoney(totals[i], 'en'), formatDelta(Exact.parse(totals[i]).sub(current).toFixed(2), 'en')]);
    }
    expect(await sweep.getByTestId('sweep-chart').locator('circle').count()).toBe(5);
  });

  it('runs the policy\'s tests against the edit: pass / fail per case, expected vs actual', async () => {
    const testFile = join(fx.dir, 'policies/rural-contract.test.yaml');
    // the test file beside the policy is loaded by itself; another can still be picked
    const tests = page.getByTestId('tests-panel');
    const suite = readPolicyTests({ file: 'rural-contract.test.yaml', text: readFileSync(testFile, 'utf8') });
    if (!suite.ok) throw new Error('the test file does not read');
    const report = runPolicyTests(suite.suite, { file: POLICY, text: at('0.03') });
    const passed = report.cases.filter((c) => c.passed).length;
    expect(passed).toBeLessThan(report.cases.length);
    await expect.poll(() => tests.getByTestId('tests-summary').textContent()).toBe(`${passed} of ${report.cases.length} cases pass`);
    const failing = report.cases.find((c) => !c.passed)!;
    const line = failing.lines.find((l) => !l.passed)!;
    const row = tests.locator(`tr[data-passed="false"]`).filter({ hasText: failing.name }).getByTestId('tests-failed-lines').locator('tbody tr').first();
    expect(await row.locator('td').allTextContents()).toEqual([line.period, line.payee, line.line, formatMoney(line.expected!, 'en'), formatMoney(line.actual!, 'en'), line.problem ?? '']);
    // Back to the saved rate: every case passes.
    await retype(page, /^step_rate —/, '2');
    await expect.poll(() => tests.getByTestId('tests-summary').textContent()).toBe(`${report.cases.length} of ${report.cases.length} cases pass`);
    await retype(page, /^step_rate —/, '3');
  });

  it('reads in Chinese, with no serious accessibility finding and no table cut at 1,440 px', async () => {
    await idle('compare-panel');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await cutTables(page)).toEqual([]);
    await page.getByLabel('Language').selectOption('zh-CN');
    await expect.poll(() => panel().getByRole('heading', { level: 3 }).first().textContent()).toContain('比较版本与方案');
    expect(await panel().getByTestId('compare-share').locator('th').textContent()).toContain('酬金占收比');
    expect(await panel().getByLabel('分组依据').locator('option:checked').textContent()).toBe('区域');
    expect(await page.getByTestId('tests-summary').textContent()).toMatch(/^\d+ 个用例中 \d+ 个通过$/);
    await page.getByTestId('compare-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'compare-anything-zh-CN.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    expect(await cutTables(page)).toEqual([]);
    await page.getByLabel('语言').selectOption('en');
  });
});

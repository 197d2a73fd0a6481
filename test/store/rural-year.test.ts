// A year of the rural-contract scenario settled month by month into a real store, each
// month closed after its run: the store's statement is exactly the scenario's expected.csv, and
// byte for byte what `ratecard settle` writes for the whole year in one go.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPolicy, readDataset, settle, statementToCsv } from '../../engine/index.js';
import type { AsyncSettlementBook } from '../../store/async-book.js';
import { BACKENDS, openBook } from './backends.js';
import { months, read, RURAL, ruralRun, settleYearClosingMonthly, withNextJanuary } from './book-fixture.js';

for (const backend of BACKENDS) describe(`a year of rural-contract, month by month, closing each month (${backend.kind})`, () => {
  let book: AsyncSettlementBook;
  let db: string;
  let csv: string;
  beforeAll(async () => {
    ({ book, db } = await openBook(backend));
    await settleYearClosingMonthly(book);
    csv = await book.statementCsv({ policyId: 'rural-contract' });
  });

  it('gives exactly the expected lines', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ratecard-year-')), 'statement.csv');
    writeFileSync(out, csv);
    const compared = execFileSync('node', ['test/tools/compare-statement.mjs', out, `${RURAL}/expected.csv`], { encoding: 'utf8' });
    expect(compared).toMatch(/338 of 338 expected rows match; 0 problems/);
  });

  it('is byte for byte the statement of the whole year settled at once', async () => {
    const policy = loadPolicy(read('policies/rural-contract.yaml'));
    if (!policy.ok) throw new Error('policy does not load');
    const data = readDataset({ payees: read(`${RURAL}/payees.csv`), facts: read(`${RURAL}/facts.csv`) }, policy.policy);
    if (!data.ok) throw new Error('dataset does not load');
    expect(csv).toBe(statementToCsv(settle(policy.policy, data.dataset, { detail: 'explanation' })));
  });

  it('records each run with hashes, range, who and counts, and closes every month', async () => {
    const runs = await book.listRuns({ policyId: 'rural-contract' });
    expect(runs.map((r) => r.from)).toEqual(months(2025));
    expect(runs.every((r) => r.from === r.to && r.startedBy === 'tester' && !r.unchanged && r.adjustmentCount === 0)).toBe(true);
    expect(runs[0].policyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(runs[0].factsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(runs.reduce((n, r) => n + r.lineCount, 0)).toBe(338);
    expect(await book.getRun(runs[5].id)).toEqual(runs[5]);
    expect(await book.closedPeriods('rural-contract')).toEqual(months(2025));
  });

  it('keeps every line with its trace and the run that posted it', async () => {
    const june = await book.statement({ policyId: 'rural-contract', payeeId: 'R02', from: '2025-06', to: '2025-06' });
    const refund = june.find((l) => l.line === 'refund')!;
    expect(refund.amount).toBe('1886.74');
    expect(refund.runId).toBe((await book.listRuns())[5].id);
    expect(refund.trace.refunds?.[0]).toMatchObject({ source: '2025-Q1', deducted: '2358.43' });
    expect(refund.trace.refunds?.[0].returns.map((r) => r.lineId)).toEqual(
      ['01', '02', '03'].map((m) => `rural-contract/R02/2025-${m}/under_completion`));
  });

  it('reproduces a past statement byte for byte after the file is reopened and more is posted', async () => {
    const march = await book.statementCsv({ policyId: 'rural-contract', from: '2025-03', to: '2025-03' });
    await book.shutdown();
    const { book: again } = await openBook(backend, {}, db);
    const posted = await again.run(ruralRun('2026-01', '2026-01', { facts: withNextJanuary() }));
    expect(posted.lines.length).toBeGreaterThan(0);
    expect(await again.statementCsv({ policyId: 'rural-contract', from: '2025-03', to: '2025-03' })).toBe(march);
    expect(await again.statementCsv({ policyId: 'rural-contract', to: '2025-12' })).toBe(csv);
    await again.shutdown();
  });
});

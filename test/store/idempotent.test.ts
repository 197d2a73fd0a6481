// Re-running open periods: the same inputs post nothing new (the run is `unchanged`); different
// inputs replace the open periods' lines, which were not paid yet.
import { describe, expect, it } from 'vitest';
import { BACKENDS, openBook } from './backends.js';
import { read, RURAL, ruralRun } from './book-fixture.js';

for (const backend of BACKENDS) describe(`re-running an open period (${backend.kind})`, () => {
  it('with the same inputs is idempotent: same lines, no duplicates, reported unchanged', async () => {
    const { book } = await openBook(backend);
    const first = await book.run(ruralRun('2025-01', '2025-03'));
    const csv = await book.statementCsv({ policyId: 'rural-contract' });
    const again = await book.run(ruralRun('2025-01', '2025-03'));
    expect(first.unchanged).toBe(false);
    expect(again.unchanged).toBe(true);
    expect(again.run.unchanged).toBe(true);
    expect(again.lines).toEqual(first.lines);
    expect(again.lines.every((l) => l.runId === first.run.id)).toBe(true);
    expect(again.run.lineCount).toBe(first.run.lineCount);
    expect(again.run.totals).toEqual(first.run.totals);
    expect(await book.statementCsv({ policyId: 'rural-contract' })).toBe(csv);
    expect((await book.listRuns()).map((r) => r.unchanged)).toEqual([false, true]);
  });

  it('with changed facts replaces that period\'s lines with the new ones', async () => {
    const { book } = await openBook(backend);
    await book.run(ruralRun('2025-01', '2025-02'));
    // R01 February billed_lines 2333 → 2000: maintenance 2000 × 1.50 = 3000.00
    const facts = read(`${RURAL}/facts.csv`).text.replace('2025-02,R01,66400,64275.2,2333,', '2025-02,R01,66400,64275.2,2000,');
    const second = await book.run(ruralRun('2025-02', '2025-02', { facts }));
    expect(second.unchanged).toBe(false);
    const february = await book.statement({ policyId: 'rural-contract', from: '2025-02', to: '2025-02' });
    expect(february.every((l) => l.runId === second.run.id)).toBe(true);
    expect(february.filter((l) => l.payeeId === 'R01' && l.line === 'maintenance').map((l) => l.amount)).toEqual(['3000.00']);
    expect(new Set(february.map((l) => l.id)).size).toBe(february.length);
    // January, outside the second run's range, keeps its lines from the first run
    const january = await book.statement({ policyId: 'rural-contract', from: '2025-01', to: '2025-01' });
    const [firstRun] = await book.listRuns();
    expect(january.every((l) => l.runId === firstRun.id)).toBe(true);
  });

  it('with a changed policy (overrides) replaces the open lines and records the overrides', async () => {
    const { book } = await openBook(backend);
    await book.run(ruralRun('2025-01'));
    const second = await book.run(ruralRun('2025-01', '2025-01', { overrides: 'maintenance_price: 2\n' }));
    expect(second.unchanged).toBe(false);
    expect(second.run.policyHash).not.toBe((await book.listRuns())[0].policyHash);
    expect(second.run.sourceHash).toBe((await book.listRuns())[0].sourceHash);
    // R01 January: 2755 billed lines × 2 = 5510.00
    expect((await book.statement({ policyId: 'rural-contract', payeeId: 'R01' })).find((l) => l.line === 'maintenance')!.amount).toBe('5510.00');
  });
});

// Refunds read what was actually deducted from the store: after the policy's step_rate changes
// from 2% to 4%, June still returns Q1's deductions as posted at 2%.
import { describe, expect, it } from 'vitest';
import { Exact, loadPolicy, readDataset, settle } from '../../engine/index.js';
import { BACKENDS, openBook } from './backends.js';
import { read, RURAL, ruralRun } from './book-fixture.js';

const doubled = 'step_rate: 0.04\n';

for (const backend of BACKENDS) describe(`refunds after a policy-rate change (${backend.kind})`, () => {
  it('return the deductions posted before the change, not recomputed at the new rate', async () => {
    const { book } = await openBook(backend);
    await book.run(ruralRun('2025-01', '2025-03'));
    for (const m of ['2025-01', '2025-02', '2025-03']) await book.close('rural-contract', m, 'tester');

    const q2 = await book.run(ruralRun('2025-04', '2025-06', { overrides: doubled }));
    expect(q2.run.overrides).toBe(doubled);
    // R02 posted at 2%: −905.38 (Jan), −791.40 (Feb), −661.65 (Mar) = 2358.43 deducted in Q1;
    // checkpoint 3 missed, checkpoint 6 met: 0.80 × 2358.43 = 1886.744 → 1886.74 (Q2 had no deduction)
    const refund = q2.lines.find((l) => l.payeeId === 'R02' && l.line === 'refund')!;
    expect(refund.amount).toBe('1886.74');
    expect(refund.trace.refunds![0]).toMatchObject({ source: '2025-Q1', deducted: '2358.43', share: '0.8' });

    // settled without the store, the engine would recompute Q1 at 4% and return more
    const policy = loadPolicy(read('policies/rural-contract.yaml'), { overrides: { file: 'overrides.yaml', text: doubled } });
    if (!policy.ok) throw new Error('policy does not load');
    const data = readDataset({ payees: read(`${RURAL}/payees.csv`), facts: read(`${RURAL}/facts.csv`) }, policy.policy);
    if (!data.ok) throw new Error('dataset does not load');
    const recomputed = settle(policy.policy, data.dataset, { from: '2025-04', to: '2025-06' }).lines.find((l) => l.payeeId === 'R02' && l.line === 'refund')!;
    expect(recomputed.amount).not.toBe('1886.74');
  });

  it('settling the closed quarter again under the new rate adjusts it, and June then returns the adjusted deductions', async () => {
    const { book } = await openBook(backend);
    await book.run(ruralRun('2025-01', '2025-03'));
    for (const m of ['2025-01', '2025-02', '2025-03']) await book.close('rural-contract', m, 'tester');
    const rerun = await book.run(ruralRun('2025-01', '2025-06', { overrides: doubled }));
    const r02 = rerun.adjustments.filter((a) => a.payeeId === 'R02' && a.line.startsWith('under_completion@'));
    expect(r02.map((a) => a.period)).toEqual(['2025-04', '2025-04', '2025-04']);
    const deductedAtFourPercent = r02.reduce((sum, a) => sum.sub(Exact.parse(a.trace.adjusts!.after)), Exact.ZERO);
    expect(deductedAtFourPercent.gt(Exact.parse('2358.43'))).toBe(true);
    const refund = rerun.lines.find((l) => l.payeeId === 'R02' && l.line === 'refund')!;
    expect(refund.trace.refunds![0].deducted).toBe(deductedAtFourPercent.toString());
  });
});

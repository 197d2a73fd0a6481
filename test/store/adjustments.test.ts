// A corrected fact for a closed month: settling that month again never edits it; the difference
// is posted as adjustment lines in the first open month, linked to the lines they correct.
import { describe, expect, it } from 'vitest';
import { BACKENDS, openBook, type StoreUnderTest } from './backends.js';
import { read, RURAL, ruralRun } from './book-fixture.js';

// R01's March revenue_actual corrected from 87316 to 80000 (plan 83000).
//   base = maintenance 3394 × 1.50 = 5091.00 + development 37 × 20 + 3 × 50 + 13 × 10 = 1020.00 → 6111.00
//   before: completion 87316 / 83000 ≥ 1 → over_completion = 6111.00 × (87316 / 83000 − 1) = 317.772 → 317.77
//   after:  completion 80000 / 83000 = 0.96386 → floor(0.03614 / 0.01) = 3 steps × 0.02 = 6%
//           → under_completion = −6111.00 × 0.06 = −366.66
//   checkpoint 3: Jan–Mar actual 75969.9 + 64275.2 + 80000 = 220245.1 < plan 224100 → no longer met,
//           so March's refund of Q1 deductions (February's 265.77) is no longer paid.
//   adjustments in April, in rule order: over_completion −317.77, under_completion −366.66, refund −265.77 (−950.20 in all)
const corrected = () => read(`${RURAL}/facts.csv`).text.replace('2025-03,R01,83000,87316,', '2025-03,R01,83000,80000,');

async function firstQuarterClosedAprilOpen(backend: StoreUnderTest) {
  const t = await openBook(backend);
  for (const m of ['2025-01', '2025-02', '2025-03']) {
    await t.book.run(ruralRun(m));
    await t.book.close('rural-contract', m, 'tester');
  }
  await t.book.run(ruralRun('2025-04'));
  return t;
}

for (const backend of BACKENDS) describe(`a corrected March fact after March is closed (${backend.kind})`, () => {
  it('posts the differences as adjustments in April and leaves March untouched', async () => {
    const { book } = await firstQuarterClosedAprilOpen(backend);
    const march = await book.statementCsv({ policyId: 'rural-contract', from: '2025-03', to: '2025-03' });
    const result = await book.run(ruralRun('2025-03', '2025-03', { facts: corrected() }));

    expect(result.unchanged).toBe(false);
    expect(result.lines).toEqual([]);
    expect(result.adjustments.map((a) => [a.period, a.payeeId, a.line, a.kind, a.amount])).toEqual([
      ['2025-04', 'R01', 'over_completion@2025-03', 'bonus', '-317.77'],
      ['2025-04', 'R01', 'under_completion@2025-03', 'deduction', '-366.66'],
      ['2025-04', 'R01', 'refund@2025-03', 'refund', '-265.77'],
    ]);
    expect(result.run.adjustmentCount).toBe(3);
    expect(result.run.totals.total).toBe('-950.20');
    expect(result.adjustments[0].trace.adjusts).toEqual({ lineId: 'rural-contract/R01/2025-03/over_completion', period: '2025-03', before: '317.77', after: '0.00' });
    expect(result.adjustments[1].trace.adjusts).toEqual({ lineId: 'rural-contract/R01/2025-03/under_completion', period: '2025-03', before: '0.00', after: '-366.66' });
    expect(result.adjustments[1].id).toBe('rural-contract/R01/2025-04/under_completion@2025-03');
    expect(result.adjustments[1].explanation).toMatch(/^adjusts rural-contract\/R01\/2025-03\/under_completion from 0\.00 to -366\.66: /);

    expect(await book.statementCsv({ policyId: 'rural-contract', from: '2025-03', to: '2025-03' })).toBe(march);
    const april = await book.statement({ policyId: 'rural-contract', payeeId: 'R01', from: '2025-04', to: '2025-04' });
    expect(april.filter((l) => l.adjustment).map((l) => l.amount)).toEqual(['-317.77', '-366.66', '-265.77']);
    expect(april.filter((l) => !l.adjustment).length).toBeGreaterThan(0);
  });

  it('is idempotent: the same correction again changes nothing', async () => {
    const { book } = await firstQuarterClosedAprilOpen(backend);
    await book.run(ruralRun('2025-03', '2025-03', { facts: corrected() }));
    const again = await book.run(ruralRun('2025-03', '2025-03', { facts: corrected() }));
    expect(again.unchanged).toBe(true);
    expect(again.adjustments.map((a) => a.amount)).toEqual(['-317.77', '-366.66', '-265.77']);
    expect((await book.statement({ policyId: 'rural-contract', from: '2025-04', to: '2025-04' })).filter((l) => l.adjustment)).toHaveLength(3);
  });

  it('replaces the open adjustments when the correction is corrected, and takes them back when undone', async () => {
    const { book } = await firstQuarterClosedAprilOpen(backend);
    await book.run(ruralRun('2025-03', '2025-03', { facts: corrected() }));
    // 82000 / 83000 = 0.98795 → 1 step → 2%: under_completion = −6111.00 × 0.02 = −122.22;
    // Jan–Mar actual 222245.1 < 224100: the refund stays withdrawn
    const second = await book.run(ruralRun('2025-03', '2025-03', { facts: corrected().replace('2025-03,R01,83000,80000,', '2025-03,R01,83000,82000,') }));
    expect(second.adjustments.map((a) => [a.line, a.amount])).toEqual([
      ['over_completion@2025-03', '-317.77'], ['under_completion@2025-03', '-122.22'], ['refund@2025-03', '-265.77'],
    ]);
    const undone = await book.run(ruralRun('2025-03'));
    expect(undone.adjustments).toEqual([]);
    expect((await book.statement({ policyId: 'rural-contract', from: '2025-04', to: '2025-04' })).some((l) => l.adjustment)).toBe(false);
  });

  it('counts adjustments that closed as what was deducted: June refunds Q1 at its corrected amount', async () => {
    const { book } = await firstQuarterClosedAprilOpen(backend);
    await book.run(ruralRun('2025-03', '2025-03', { facts: corrected() }));
    await book.close('rural-contract', '2025-04', 'tester');
    const q2 = await book.run(ruralRun('2025-05', '2025-06', { facts: corrected() }));
    const refund = q2.lines.find((l) => l.payeeId === 'R01' && l.line === 'refund')!;
    // Q1 deductions standing: February −265.77 and March's adjustment −366.66 → 632.43
    const q1 = refund.trace.refunds!.find((r) => r.source === '2025-Q1')!;
    expect(q1.deducted).toBe('632.43');
    expect(q1.share).toBe('0.8');
    expect(q1.amount).toBe('505.94'); // 0.8 × 632.43 = 505.944, each quarter's part rounded once
  });

  it('corrects a correction after its month closed: the next open month gets only the rest', async () => {
    const { book } = await firstQuarterClosedAprilOpen(backend);
    await book.run(ruralRun('2025-03', '2025-03', { facts: corrected() }));
    await book.close('rural-contract', '2025-04', 'tester');
    const april = await book.statementCsv({ policyId: 'rural-contract', from: '2025-04', to: '2025-04' });
    // March at 82000: under_completion −122.22 (see above); standing: 0.00 posted in March plus
    // −366.66 adjusted in (closed) April = −366.66 → May adjusts by −122.22 − (−366.66) = +244.44;
    // over_completion and refund already stand at 0.00 after April's adjustments: nothing to post
    const again = await book.run(ruralRun('2025-03', '2025-03', { facts: corrected().replace('2025-03,R01,83000,80000,', '2025-03,R01,83000,82000,') }));
    expect(again.adjustments.map((a) => [a.period, a.payeeId, a.line, a.amount])).toEqual([['2025-05', 'R01', 'under_completion@2025-03', '244.44']]);
    expect(again.adjustments[0].trace.adjusts).toEqual({ lineId: 'rural-contract/R01/2025-03/under_completion', period: '2025-03', before: '-366.66', after: '-122.22' });
    expect(await book.statementCsv({ policyId: 'rural-contract', from: '2025-04', to: '2025-04' })).toBe(april);
  });
});

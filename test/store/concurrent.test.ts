// Two books on one store (two connections; with PostgreSQL, as two service instances would be):
// each run is settled before its write transaction and posted under the policy's lock; a run
// whose policy changed while it was settling is planned again. Nothing is lost or posted twice.
import { describe, expect, it } from 'vitest';
import { AsyncSettlementBook, openBackend } from '../../store/async-book.js';
import type { Posting, SettlementBackend } from '../../store/backend.js';
import { BACKENDS, openBook } from './backends.js';
import { read, RURAL, ruralRun } from './book-fixture.js';

const corrected = () => read(`${RURAL}/facts.csv`).text.replace('2025-02,R01,66400,64275.2,2333,', '2025-02,R01,66400,64275.2,2000,');

for (const backend of BACKENDS) {
  describe(`two writers at once (${backend.kind})`, () => {
    it('post one after the other: the last run posted is what stands, with no line twice', async () => {
      const { book: a, db } = await openBook(backend);
      const { book: b } = await openBook(backend, {}, db);
      const [first, second] = await Promise.all([a.run(ruralRun('2025-01', '2025-02')), b.run(ruralRun('2025-01', '2025-02', { facts: corrected() }))]);
      const runs = await a.listRuns();
      expect(runs.map((r) => r.id).sort()).toEqual([first.run.id, second.run.id].sort());
      const last = first.run.id > second.run.id ? first : second;
      const lines = await a.statement({ policyId: 'rural-contract' });
      expect(new Set(lines.map((l) => l.id)).size).toBe(lines.length);
      expect(new Map(lines.map((l) => [l.id, l.amount]))).toEqual(new Map(last.lines.map((l) => [l.id, l.amount])));
      expect(lines.every((l) => l.runId === last.run.id)).toBe(true);
    });

    it('a run whose policy changed while it settled is planned again on what stands now', async () => {
      const { book: other, db } = await openBook(backend);
      const real = await openBackend(db);
      let interrupted = false;
      // the other writer posts the same month just before this run's first post
      const racing = AsyncSettlementBook.over(Object.assign(Object.create(real) as SettlementBackend, {
        post: async (posting: Posting) => {
          if (!interrupted) {
            interrupted = true;
            await other.run(ruralRun('2025-01'));
          }
          return real.post(posting);
        },
      }));
      const result = await racing.run(ruralRun('2025-01'));
      expect(interrupted).toBe(true);
      // planned again, it finds the other writer's lines exactly as it would post them
      expect(result.unchanged).toBe(true);
      expect((await other.listRuns()).map((r) => [r.id, r.unchanged])).toEqual([['run-000001', false], ['run-000002', true]]);
      await real.shutdown();
    });

    it('the same month closed from both at once: one close, one located `already closed`', async () => {
      const { book: a, db } = await openBook(backend);
      const { book: b } = await openBook(backend, {}, db);
      await a.run(ruralRun('2025-01'));
      const outcomes = await Promise.allSettled([a.close('rural-contract', '2025-01', 'ana'), b.close('rural-contract', '2025-01', 'bo')]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
      const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason).toMatchObject({ diagnostics: [{ file: backend.label(db), field: 'period', message: 'period `2025-01` of `rural-contract` is already closed' }] });
      expect(await a.verify()).toMatchObject({ ok: true, verified: 1 });
    });

    it('a close racing a correction: either the correction lands in the month, or as adjustments after it; the seals verify', async () => {
      const { book: a, db } = await openBook(backend);
      const { book: b } = await openBook(backend, {}, db);
      await a.run(ruralRun('2025-01', '2025-03'));
      await a.close('rural-contract', '2025-01', 'auditor');
      const [run] = await Promise.all([a.run(ruralRun('2025-02', '2025-03', { facts: corrected() })), b.close('rural-contract', '2025-02', 'auditor')]);
      const maintenance = (await a.statement({ policyId: 'rural-contract', payeeId: 'R01', from: '2025-02', to: '2025-03' }))
        .filter((l) => l.line.startsWith('maintenance')).map((l) => [l.period, l.line, l.amount]);
      if (run.adjustments.length) {
        // posted after the close: February stands as closed, March carries the difference (2000 − 2333 lines × 1.50)
        expect(maintenance).toEqual([['2025-02', 'maintenance', '3499.50'], ['2025-03', 'maintenance', expect.any(String)], ['2025-03', 'maintenance@2025-02', '-499.50']]);
      } else {
        expect(maintenance).toEqual([['2025-02', 'maintenance', '3000.00'], ['2025-03', 'maintenance', expect.any(String)]]);
      }
      expect(await a.verify()).toMatchObject({ ok: true, verified: 2 });
    });
  });
}

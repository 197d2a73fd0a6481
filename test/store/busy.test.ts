// Busy is not a crash: while another writer holds the store, a second `ratecard run` or `close`
// waits the busy timeout out, then reports a located "busy" error with exit 1 and writes nothing;
// readers are not held up. The store is named as the user gave it, never by an absolute path.
import { describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/run-cli.js';
import { BACKENDS, openBook } from './backends.js';
import { RURAL, ruralRun } from './book-fixture.js';

const runArgs = (db: string) => ['run', '--db', db, '--policy', 'policies/rural-contract.yaml', '--payees', `${RURAL}/payees.csv`,
  '--facts', `${RURAL}/facts.csv`, '--from', '2025-02', '--to', '2025-02', '--busy-timeout', '200'];

for (const backend of BACKENDS) {
  describe(`a second writer (${backend.kind})`, () => {
    it('waits, then reports the store busy (exit 1), posts nothing, and does not hold up readers', async () => {
      const { book, db } = await openBook(backend);
      await book.run(ruralRun('2025-01'));
      const before = await book.statementCsv({ policyId: 'rural-contract' });
      const busy = `${backend.label(db)}:1:1 db: the settlement store is busy: another writer kept it locked for 200 ms; try again when it is done\n`;
      const writer = await backend.holdWriteLock(db, 'rural-contract');
      try {
        const run = await runCli(runArgs(db));
        expect(run.stderr).toBe(busy);
        expect(run.code).toBe(1);
        const close = await runCli(['close', '--db', db, '--policy-id', 'rural-contract', '--period', '2025-01', '--busy-timeout', '200']);
        expect(close.stderr).toBe(busy);
        expect(close.code).toBe(1);
        const statement = await runCli(['statement', '--db', db, '--policy-id', 'rural-contract']);
        expect(statement.code).toBe(0);
        expect(statement.stdout).toBe(before);
      } finally {
        await writer.release();
      }
      expect((await book.listRuns()).length).toBe(1);
      expect(await book.closedPeriods('rural-contract')).toEqual([]);
      expect((await runCli(runArgs(db))).stdout).toMatch(/^run-000002: rural-contract 2025-02 posted /);
    });
  });
}

describe('the store in messages', () => {
  it('is named by the base name of an absolute path, never the path', async () => {
    const [sqlite] = BACKENDS;
    const { book, db } = await openBook(sqlite);
    expect(db.startsWith('/')).toBe(true);
    await expect(book.close('rural-contract', '2025-01', 'x')).rejects.toMatchObject({
      diagnostics: [{ file: 'book.db', message: 'period `2025-01` of `rural-contract` has not been settled: run it before closing it' }],
    });
  });
});

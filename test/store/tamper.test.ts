// Tamper-evident books: January to March closed and sealed, April open. Every route SQL offers to
// change a closed period's lines, a run or a close is refused by the database itself, and
// `ratecard verify` still verifies the three closes. With the guards dropped (what an owner of the
// database can do), the same change goes through, and verify names the first period it broke.
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/run-cli.js';
import { BACKENDS, openBook, type StoreUnderTest } from './backends.js';
import { ruralRun } from './book-fixture.js';

const FEB = "policy_id = 'rural-contract' AND period = '2025-02'";
const SQLITE_LINE_COLUMNS = 'run_id, payee_id, line, kind, explanation, trace, adjustment, payee_order, line_order, rule, adjusts_line_id, adjusts_period, returns_sources';

interface Route {
  what: string;
  sql: string;
  refused: RegExp;
  /** What verify says once the change went through, after `period \`P\` of \`rural-contract\` no longer matches its seal: `. */
  broken: (lines: { january: number; february: number }) => [period: string, why: string];
}

const linesChanged = (n: number, now = n, period = '2025-02'): [string, string] => [period, `its lines were changed after it was closed (${n} lines sealed, ${now} now)`];
const runsChanged: [string, string] = ['2025-02', 'runs recorded before its close were changed or deleted'];

const ROUTES: Record<StoreUnderTest['kind'], Route[]> = {
  sqlite: [
    { what: 'INSERT OR REPLACE of a closed line', refused: /^period is closed: its lines cannot be replaced$/, broken: ({ february: n }) => linesChanged(n),
      sql: `INSERT OR REPLACE INTO lines (policy_id, id, period, amount, ${SQLITE_LINE_COLUMNS}) SELECT policy_id, id, period, '0.00', ${SQLITE_LINE_COLUMNS} FROM lines WHERE ${FEB}` },
    { what: 'INSERT OR REPLACE moving a closed line into the open month', refused: /period is closed: its lines cannot be replaced/, broken: ({ february: n }) => linesChanged(n, n - 1),
      sql: `REPLACE INTO lines (policy_id, id, period, amount, ${SQLITE_LINE_COLUMNS}) SELECT policy_id, id, '2025-04', amount, ${SQLITE_LINE_COLUMNS} FROM lines WHERE ${FEB} LIMIT 1` },
    { what: 'UPDATE of closed lines', refused: /period is closed: its lines cannot be changed/, broken: ({ february: n }) => linesChanged(n),
      sql: `UPDATE lines SET amount = '0.00' WHERE ${FEB}` },
    { what: 'UPDATE OR REPLACE of an open line onto a closed line\'s key', refused: /period is closed: its lines cannot be replaced/, broken: ({ february: n }) => linesChanged(n, n - 1),
      sql: `UPDATE OR REPLACE lines SET id = (SELECT min(id) FROM lines WHERE ${FEB}) WHERE id = (SELECT min(id) FROM lines WHERE period = '2025-04')` },
    { what: 'DELETE of closed lines', refused: /period is closed: its lines cannot be deleted/, broken: ({ february: n }) => linesChanged(n, 0),
      sql: `DELETE FROM lines WHERE ${FEB}` },
    { what: 'UPDATE of a run', refused: /a run cannot be changed/, broken: () => runsChanged,
      sql: "UPDATE runs SET started_by = 'mallory' WHERE id = 'run-000002'" },
    { what: 'DELETE of a run', refused: /a run cannot be deleted/, broken: () => runsChanged,
      sql: "PRAGMA foreign_keys = OFF; DELETE FROM runs WHERE id = 'run-000002'" },
    { what: 'INSERT OR REPLACE of a run', refused: /a run cannot be replaced/, broken: () => runsChanged,
      sql: `INSERT OR REPLACE INTO runs SELECT seq, id, policy_id, policy_version, policy_hash, source_hash, overrides, facts_hash, period_from, period_to,
        'mallory', started_at, line_count, adjustment_count, totals, unchanged FROM runs WHERE id = 'run-000002'` },
    { what: 'INSERT OR REPLACE of a close', refused: /a period close cannot be replaced/, broken: () => ['2025-02', 'its close was changed'],
      sql: "INSERT OR REPLACE INTO closed_periods VALUES ('rural-contract', '2025-02', 'mallory', '2025-03-01T00:00:00.000Z')" },
    { what: 'DELETE of a close and its seal', refused: /a seal cannot be removed/, broken: () => ['2025-03', 'the close before it was removed or changed'],
      sql: `DELETE FROM seals WHERE ${FEB}; DELETE FROM closed_periods WHERE ${FEB}` },
  ],
  postgres: [
    { what: 'INSERT … ON CONFLICT DO UPDATE of a closed line', refused: /^period is closed: its lines cannot be inserted$/, broken: ({ february: n }) => linesChanged(n),
      sql: `INSERT INTO lines SELECT * FROM lines WHERE ${FEB} ON CONFLICT (policy_id, id) DO UPDATE SET amount = 0` },
    { what: 'UPDATE moving a closed line into the open month', refused: /period is closed: its lines cannot be changed/, broken: ({ february: n }) => linesChanged(n, 0),
      sql: `UPDATE lines SET period = '2025-04' WHERE ${FEB}` },
    { what: 'UPDATE of closed lines', refused: /period is closed: its lines cannot be changed/, broken: ({ february: n }) => linesChanged(n),
      sql: `UPDATE lines SET amount = amount + 1 WHERE ${FEB}` },
    { what: 'DELETE of closed lines', refused: /period is closed: its lines cannot be deleted/, broken: ({ february: n }) => linesChanged(n, 0),
      sql: `DELETE FROM lines WHERE ${FEB}` },
    { what: 'TRUNCATE of the lines', refused: /posted lines cannot be truncated/, broken: ({ january }) => linesChanged(january, 0, '2025-01'),
      sql: 'TRUNCATE lines' },
    { what: 'UPDATE of a run', refused: /a run cannot be changed or deleted/, broken: () => runsChanged,
      sql: "UPDATE runs SET started_by = 'mallory' WHERE id = 'run-000002'" },
    { what: 'DELETE of a run', refused: /a run cannot be changed or deleted/, broken: () => runsChanged,
      sql: "DELETE FROM runs WHERE id = 'run-000002'" },
    { what: 'UPDATE of a close', refused: /a period close cannot be changed or undone/, broken: () => ['2025-02', 'its close was changed'],
      sql: `UPDATE closed_periods SET closed_by = 'mallory' WHERE ${FEB}` },
    { what: 'DELETE of a close', refused: /a period close cannot be changed or undone/, broken: () => ['2025-03', 'the close before it was removed or changed'],
      sql: `DELETE FROM closed_periods WHERE ${FEB}` },
  ],
};

/** January to March run and closed one by one (runs 1 to 3), April run (run 4) and open. */
async function sealedQuarter(backend: StoreUnderTest) {
  const { book, db } = await openBook(backend);
  for (const m of ['2025-01', '2025-02', '2025-03']) {
    await book.run(ruralRun(m));
    await book.close('rural-contract', m, 'auditor');
  }
  await book.run(ruralRun('2025-04'));
  const counts = await Promise.all(['2025-01', '2025-02'].map(async (m) => (await book.statement({ policyId: 'rural-contract', from: m, to: m })).length));
  await book.shutdown();
  return { db, lines: { january: counts[0], february: counts[1] } };
}

const verify = (db: string) => runCli(['verify', '--db', db]);

for (const backend of BACKENDS) {
  describe(`closed periods under attack (${backend.kind})`, () => {
    let clean: Awaited<ReturnType<typeof sealedQuarter>>;
    beforeAll(async () => {
      clean = await sealedQuarter(backend);
    });

    it('verify recomputes the seals of an untouched store and prints the last seal', async () => {
      const { code, stdout, stderr } = await verify(clean.db);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toMatch(/^verified 3 closed periods\nrural-contract 2025-03 seal [0-9a-f]{64}\n$/);
      expect((await runCli(['verify', '--db', clean.db, '--policy-id', 'postal-agency'])).stdout).toBe('verified 0 closed periods\n');
    });

    for (const route of ROUTES[backend.kind]) {
      it(`refuses ${route.what}; with its guards dropped, verify names the period`, async () => {
        const { db, lines } = await sealedQuarter(backend);
        await expect(backend.sql(db, route.sql)).rejects.toThrow(route.refused);
        expect((await verify(db)).stdout).toMatch(/^verified 3 closed periods\n/);

        await backend.unguard(db);
        await backend.sql(db, route.sql);
        const [period, why] = route.broken(lines);
        const after = await verify(db);
        expect(after.stderr).toBe(`${backend.label(db)}:1:1 period: period \`${period}\` of \`rural-contract\` no longer matches its seal: ${why}\n`);
        expect(after.code).toBe(1);
        expect(after.stdout).toBe('');
      });
    }
  });
}

// The PostgreSQL store itself: its schema (NUMERIC amounts, JSONB traces) migrated once and
// recorded, a run that fails half way leaves nothing, and a store that cannot be reached is a
// located error that never shows the password.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { AsyncSettlementBook } from '../../store/async-book.js';
import { PG_MIGRATIONS } from '../../store/pg-migrations.js';
import { runCli } from '../fixtures/run-cli.js';
import { BACKENDS, openBook } from './backends.js';
import { ruralRun } from './book-fixture.js';

const postgres = BACKENDS.find((b) => b.kind === 'postgres');

describe('a PostgreSQL store that cannot be reached', () => {
  it('is a located error naming it without its password, exit 1', async () => {
    const run = await runCli(['statement', '--db', 'postgres://clerk:s3cret@127.0.0.1:1/books', '--policy-id', 'x']);
    expect(run.stderr).toMatch(/^postgres:\/\/127\.0\.0\.1:1\/books:1:1 db: cannot open the settlement store: connect ECONNREFUSED 127\.0\.0\.1:1\n$/);
    expect(run.code).toBe(1);
    await expect(AsyncSettlementBook.open('postgres://127.0.0.1:1/books?schema=Robert;DROP')).rejects.toMatchObject({
      diagnostics: [{ file: 'postgres://127.0.0.1:1/books', message: 'expected a schema name of lowercase letters, digits and _, got `Robert;DROP`' }],
    });
  });
});

describe.skipIf(!postgres)('the PostgreSQL store', () => {
  it('migrates a new schema once, recording each version, with NUMERIC amounts and JSONB traces', async () => {
    const db = postgres!.fresh();
    const { book } = await openBook(postgres!, { now: () => 'first' }, db);
    const { book: again } = await openBook(postgres!, { now: () => 'second' }, db);
    expect(await again.schemaVersions()).toEqual(PG_MIGRATIONS.map((m) => ({ version: m.version, name: m.name, appliedAt: 'first' })));
    await book.shutdown();
    const schema = new URL(db).searchParams.get('schema');
    const client = new pg.Client({ connectionString: process.env.RATECARD_TEST_PG });
    await client.connect();
    const { rows } = await client.query(`SELECT table_name, column_name, data_type FROM information_schema.columns
      WHERE table_schema = $1 AND column_name IN ('amount', 'trace', 'totals') ORDER BY table_name, column_name`, [schema]);
    await client.end();
    expect(rows).toEqual([
      { table_name: 'lines', column_name: 'amount', data_type: 'numeric' },
      { table_name: 'lines', column_name: 'trace', data_type: 'jsonb' },
      { table_name: 'replaced_lines', column_name: 'amount', data_type: 'numeric' },
      { table_name: 'replaced_lines', column_name: 'trace', data_type: 'jsonb' },
      { table_name: 'runs', column_name: 'totals', data_type: 'jsonb' },
    ]);
  });

  it('is not created by a reader: a statement of an empty schema is a located error', async () => {
    const db = postgres!.fresh();
    const run = await runCli(['statement', '--db', db, '--policy-id', 'rural-contract']);
    expect(run.stderr).toBe(`${postgres!.label(db)}:1:1 db: cannot open the settlement store: nothing was ever run into it\n`);
    expect(run.code).toBe(1);
  });

  it('leaves nothing of a run that throws after some lines are inserted, and the lines it replaced stand', async () => {
    const db = postgres!.fresh();
    const { book } = await openBook(postgres!, {}, db);
    await book.run(ruralRun('2025-01'));
    const before = await book.statementCsv({ policyId: 'rural-contract' });
    const { book: failing } = await openBook(postgres!, { afterLineInserted: (n) => { if (n === 5) throw new Error('injected failure after 5 lines'); } }, db);
    await expect(failing.run(ruralRun('2025-01', '2025-02'))).rejects.toThrow('injected failure after 5 lines');
    expect(await book.statementCsv({ policyId: 'rural-contract' })).toBe(before);
    expect((await book.listRuns()).length).toBe(1);
  });
});

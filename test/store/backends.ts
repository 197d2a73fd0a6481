// The backends the store tests run against: SQLite always, PostgreSQL when RATECARD_TEST_PG is a
// connection URL (`bash scripts/pg-for-tests.sh` starts a throwaway server and prints one). Each
// test gets a fresh store: a new SQLite file, or a new PostgreSQL schema.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import pg from 'pg';
import { afterAll } from 'vitest';
import { AsyncSettlementBook } from '../../store/async-book.js';
import { lockKey } from '../../store/pg-store.js';
import type { BookOptions } from '../../store/types.js';

export interface StoreUnderTest {
  kind: 'sqlite' | 'postgres';
  /** The address of a fresh, empty store. */
  fresh(): string;
  /** Raw SQL (one or more statements) on a connection of its own, as anyone with the database's credentials could send it. */
  sql(db: string, text: string): Promise<void>;
  /** Drops every trigger (and the lines' foreign key to runs), as an owner of the database could. */
  unguard(db: string): Promise<void>;
  /** How the store names itself in messages. */
  label(db: string): string;
  /** Another writer: holds the store's write lock for `policyId` until `release` is called. */
  holdWriteLock(db: string, policyId: string): Promise<{ release(): Promise<void> }>;
}

const sqlite: StoreUnderTest = {
  kind: 'sqlite',
  fresh: () => join(mkdtempSync(join(tmpdir(), 'ratecard-store-')), 'book.db'),
  async sql(db, text) {
    const conn = new Database(db);
    try {
      conn.exec(text);
    } finally {
      conn.close();
    }
  },
  async unguard(db) {
    const conn = new Database(db);
    try {
      for (const name of conn.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all()) conn.exec(`DROP TRIGGER ${name as string}`);
    } finally {
      conn.close();
    }
  },
  label: (db) => basename(db),
  async holdWriteLock(db) {
    const conn = new Database(db);
    conn.exec('BEGIN IMMEDIATE');
    return { release: async () => { conn.exec('ROLLBACK'); conn.close(); } };
  },
};

const postgres = (url: string): StoreUnderTest => ({
  kind: 'postgres',
  fresh: () => `${url}${url.includes('?') ? '&' : '?'}schema=t_${randomBytes(6).toString('hex')}`,
  async sql(db, text) {
    const schema = new URL(db).searchParams.get('schema')!;
    const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  },
  async unguard(db) {
    await this.sql(db, `DO $$ DECLARE t record; BEGIN
        FOR t IN SELECT tgname, relname FROM pg_trigger JOIN pg_class c ON c.oid = tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE NOT tgisinternal AND n.nspname = current_schema() LOOP
          EXECUTE format('DROP TRIGGER %I ON %I', t.tgname, t.relname);
        END LOOP;
      END $$;
      ALTER TABLE lines DROP CONSTRAINT lines_run_id_fkey;`);
  },
  label: (db) => { const u = new URL(db); return `${u.protocol}//${u.host}${u.pathname}`; },
  async holdWriteLock(db, policyId) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [lockKey(policyId)]);
    return { release: async () => { await client.query('ROLLBACK'); await client.end(); } };
  },
});

export const BACKENDS: StoreUnderTest[] = [sqlite, ...(process.env.RATECARD_TEST_PG ? [postgres(process.env.RATECARD_TEST_PG)] : [])];

/** Books opened in the current file, shut down after its tests. */
const opened: AsyncSettlementBook[] = [];
afterAll(async () => {
  await Promise.all(opened.splice(0).map((b) => b.shutdown()));
});

/** Opens the store at `db` (fresh when absent) for the rest of the file's tests. */
export async function openBook(backend: StoreUnderTest, options: BookOptions = {}, db = backend.fresh()): Promise<{ book: AsyncSettlementBook; db: string }> {
  const book = await AsyncSettlementBook.open(db, options);
  opened.push(book);
  return { book, db };
}

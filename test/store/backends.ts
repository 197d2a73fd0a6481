// The backends the store tests run against: SQLite always, PostgreSQL when RATECARD_TEST_PG is a
// connection URL (`bash scripts/pg-for-tests.sh` starts a throwaway server and prints one). Each
// test gets a fresh store: a new SQLite file, or a new PostgreSQL schema.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll } from 'vitest';
import { AsyncSettlementBook } from '../../store/async-book.js';
import type { BookOptions } from '../../store/types.js';

export interface StoreUnderTest {
  kind: 'sqlite' | 'postgres';
  /** The address of a fresh, empty store. */
  fresh(): string;
  /** Raw SQL on a connection of its own, as someone with the database's credentials would send it. */
  sql(db: string, text: string): Promise<unknown[]>;
}

const sqlite: StoreUnderTest = {
  kind: 'sqlite',
  fresh: () => join(mkdtempSync(join(tmpdir(), 'ratecard-store-')), 'book.db'),
  async sql(db, text) {
    const conn = new Database(db);
    try {
      const statement = conn.prepare(text);
      return statement.reader ? statement.all() : [statement.run()];
    } finally {
      conn.close();
    }
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
      return (await client.query(text)).rows;
    } finally {
      await client.end();
    }
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

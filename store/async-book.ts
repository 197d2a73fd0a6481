// The asynchronous settlement book: the same book over SQLite (a file name, the embedded default)
// or PostgreSQL (`postgres://…`). Settlement runs before the write transaction opens; the post
// and the close are each one transaction under the policy's lock.
import { driveAsync, type SettlementBackend } from './backend.js';
import { Book } from './book.js';
import { later } from './later.js';
import { isPostgresUrl, PgStore } from './pg-store.js';
import { SqliteStore } from './sqlite-store.js';
import type { BookOptions } from './types.js';

/** The backend at `db` (created and migrated on first use): PostgreSQL for a `postgres://` URL, else an SQLite file. */
export async function openBackend(db: string, options: BookOptions = {}): Promise<SettlementBackend> {
  return isPostgresUrl(db) ? PgStore.open(db, options) : later(SqliteStore.open(db, options));
}

export class AsyncSettlementBook extends Book<true> {
  /** Opens (creating and migrating on first use) the store at `db`: a PostgreSQL URL, or an SQLite file. */
  static async open(db: string, options: BookOptions = {}): Promise<AsyncSettlementBook> {
    return AsyncSettlementBook.over(await openBackend(db, options), options);
  }

  /** Opens the store at `db`, does `work` with it, and shuts it down, even when `work` throws. */
  static async using<T>(db: string, options: BookOptions, work: (book: AsyncSettlementBook) => Promise<T>): Promise<T> {
    const book = await AsyncSettlementBook.open(db, options);
    try {
      return await work(book);
    } finally {
      await book.shutdown();
    }
  }

  /** A book over any asynchronous backend; its `name` names it in messages. */
  static over(backend: SettlementBackend, options: BookOptions = {}): AsyncSettlementBook {
    return new AsyncSettlementBook(backend, (steps) => driveAsync(steps, backend), options);
  }
}

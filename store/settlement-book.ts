// The synchronous settlement book on SQLite: settles a policy over a dataset and posts the lines,
// with their traces, one transaction per run. Closed periods are immutable and sealed: settling
// them again posts adjustment lines in the first open period instead. `AsyncSettlementBook`
// (async-book.ts) is the same book over SQLite or PostgreSQL, asynchronously.
import { drive, type SyncBackend } from './backend.js';
import { Book } from './book.js';
import { SqliteStore } from './sqlite-store.js';
import type { BookOptions } from './types.js';

export type * from './types.js';

export class SettlementBook extends Book<false> {
  /** Opens (creating and migrating on first use) the SQLite settlement store at `file`. */
  static open(file: string, options: BookOptions = {}): SettlementBook {
    return SettlementBook.over(SqliteStore.open(file, options), options);
  }

  /** Opens the store at `file`, does `work` with it, and shuts it down, even when `work` throws. */
  static using<T>(file: string, options: BookOptions, work: (book: SettlementBook) => T): T {
    const book = SettlementBook.open(file, options);
    try {
      return work(book);
    } finally {
      book.shutdown();
    }
  }

  /** A book over any synchronous backend; its `name` names it in messages. */
  static over(backend: SyncBackend, options: BookOptions = {}): SettlementBook {
    return new SettlementBook(backend, (steps) => drive(steps, backend), options);
  }
}

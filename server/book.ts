// The part of the settlement book (store/) the HTTP service uses: the asynchronous book (SQLite or
// PostgreSQL) the server opens at --db, or any book with these methods (tests hand in either flavour).
import type { Book as StoreBook } from '../store/book.js';

type Used = 'run' | 'close' | 'closedPeriods' | 'listRuns' | 'getRun' | 'statement' | 'statementCsv' | 'shutdown';

export type Book = Pick<StoreBook<boolean>, Used> & Partial<Pick<StoreBook<boolean>, 'verify'>>;

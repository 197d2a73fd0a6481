// The part of the settlement book (store/) the HTTP service uses; tests may hand in any object
// with these methods, the server hands in `SettlementBook.open(db)`.
import type { SettlementBook } from '../store/settlement-book.js';

export type Book = Pick<SettlementBook, 'run' | 'close' | 'closedPeriods' | 'listRuns' | 'getRun' | 'statement' | 'statementCsv' | 'shutdown'> & Partial<Pick<SettlementBook, 'verify'>>;

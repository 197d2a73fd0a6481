// A settle computed in a worker thread: the thread opens its own asynchronous book at the server's
// --db (an SQLite file or a PostgreSQL URL), settles before any write transaction opens, posts the
// run under the policy's lock, and answers what the route sends. The server runs one write at a
// time per store (server/routes/settle.ts); instances on one PostgreSQL serialise on its lock.
import type { DatasetInput, SourceText } from '../../engine/index.js';
import { AsyncSettlementBook } from '../../store/async-book.js';
import type { PostedLine } from '../../store/types.js';
import { type PolicyInput, policySource } from '../inputs.js';

export interface SettleTaskBody {
  /** The settlement store: an SQLite file or a `postgres://` URL. */
  db: string;
  policy: PolicyInput;
  overrides?: SourceText;
  dataset: DatasetInput;
  from: string;
  to: string;
  startedBy?: string;
}

/** One book per store and thread, opened on the thread's first settle and kept for the next. */
const books = new Map<string, Promise<AsyncSettlementBook>>();

/** Posted lines come back without traces (GET /statements has them); adjustments keep theirs. */
export const brief = ({ trace: _trace, explanation: _explanation, ...line }: PostedLine) => line;

function bookAt(db: string): Promise<AsyncSettlementBook> {
  let book = books.get(db);
  if (!book) {
    books.set(db, book = AsyncSettlementBook.open(db));
    book.catch(() => books.delete(db));
  }
  return book;
}

export async function settleInStore(body: SettleTaskBody, policiesDir: string) {
  const { db, policy, overrides, dataset, from, to, startedBy } = body;
  const book = await bookAt(db);
  const result = await book.run({ policy: policySource(policy, policiesDir), overrides, dataset, from, to, startedBy: startedBy ?? 'api' });
  return { run: result.run, unchanged: result.unchanged, adjustments: result.adjustments, lines: result.lines.map(brief) };
}

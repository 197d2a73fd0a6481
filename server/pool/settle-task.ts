// A settle computed in a worker thread: the thread opens the settlement store (SQLite, WAL) at
// the server's --db itself, settles and posts the run in its transaction, and answers what the
// route sends. The server runs one write at a time per store (server/routes/settle.ts), so two
// threads never wait on each other's write lock.
import type { DatasetInput, SourceText } from '../../engine/index.js';
import { type PostedLine, SettlementBook } from '../../store/settlement-book.js';
import { type PolicyInput, policySource } from '../inputs.js';

export interface SettleTaskBody {
  dbPath: string;
  policy: PolicyInput;
  overrides?: SourceText;
  dataset: DatasetInput;
  from: string;
  to: string;
  startedBy?: string;
}

const books = new Map<string, SettlementBook>();

const brief = ({ trace: _trace, explanation: _explanation, ...line }: PostedLine) => line;

export async function settleInStore(body: SettleTaskBody, policiesDir: string) {
  const { dbPath, policy, overrides, dataset, from, to, startedBy } = body;
  let book = books.get(dbPath);
  if (!book) books.set(dbPath, book = await SettlementBook.open(dbPath));
  const result = await book.run({ policy: policySource(policy, policiesDir), overrides, dataset, from, to, startedBy: startedBy ?? 'api' });
  // Posted lines come back without traces (GET /statements has them); adjustments keep theirs.
  return { run: result.run, unchanged: result.unchanged, adjustments: result.adjustments, lines: result.lines.map(brief) };
}

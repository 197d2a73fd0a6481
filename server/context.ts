// What every route group is given: where the bundled policies are, who may write, the worker
// threads that compute, the settlement book (when the server was started with one) and the
// editor's workspace (when it serves the editor).
import type { Workspace } from '../editor/server/workspace.js';
import type { Writers } from './auth.js';
import type { Book } from './book.js';
import type { EnginePool } from './pool/engine-pool.js';

export interface RouteContext {
  policiesDir: string;
  writers: Writers;
  book?: Book;
  /** The settlement store's address (SQLite file or PostgreSQL URL), when the server opened it: settles then run in a worker thread against it. */
  db?: string;
  /** The worker threads that compute (validate, simulate, explain, diff, the editor's checks). */
  engine: EnginePool;
  workspace?: Workspace;
}

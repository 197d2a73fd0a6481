// What every route group is given: where the bundled policies are, who may write, the settlement
// book (when the server was started with one) and the editor's workspace (when it serves the editor).
import type { Workspace } from '../editor/server/workspace.js';
import type { Writers } from './auth.js';
import type { Book } from './book.js';

export interface RouteContext {
  policiesDir: string;
  writers: Writers;
  book?: Book;
  workspace?: Workspace;
}

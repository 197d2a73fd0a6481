// What every route group is given: where the bundled policies are, the token writes need and,
// when the server was started with one, the settlement book.
import type { Book } from './book.js';

export interface RouteContext {
  policiesDir: string;
  token?: string;
  book?: Book;
}

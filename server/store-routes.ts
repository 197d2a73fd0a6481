// Shared by the store routes: the book, or 503 when the server runs without a store.
import type { Book } from './book.js';
import type { RouteContext } from './context.js';
import { RequestError, requestDiagnostic } from './errors.js';

export function bookOf(ctx: RouteContext): Book {
  if (!ctx.book) throw new RequestError(503, 'no settlement store', [requestDiagnostic('url', '', 'this server runs without a settlement store: start it with `--db FILE` or `--db postgres://…`', 'no-store')]);
  return ctx.book;
}

export const notFound = (field: string, message: string) => new RequestError(404, 'not found', [requestDiagnostic('url', field, message, 'not-found')]);

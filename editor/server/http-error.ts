// The refusals of the editor's policy and dataset API, as the service's located RequestError:
// `{error, message, diagnostics: [{file, line, column, field, message}], ...extra}`. Messages are
// lowercase with user input in backticks and name files relative to the project, never a server path.
import { RequestError, requestDiagnostic } from '../../server/errors.js';

/** A bad name or version in the URL (`part` `url`) or the query. */
export const badRequest = (field: string, message: string, part = 'url') =>
  new RequestError(400, 'bad request', [requestDiagnostic(part, field, message, 'bad-request')]);

export const notFound = (field: string, message: string) =>
  new RequestError(404, 'not found', [requestDiagnostic('url', field, message, 'not-found')]);

/** The file is no longer the version the edit started from; `currentVersion` is what it is now (null: deleted). */
export const conflict = (message: string, currentVersion: string | null) =>
  new RequestError(409, 'conflict', [requestDiagnostic('body', 'baseVersion', message, 'conflict')], { currentVersion });

/** Another process holds the file's lock for longer than we wait. */
export const busy = (message: string) => new RequestError(503, 'busy', [requestDiagnostic('url', 'file', message, 'busy')]);

/** A save that did not happen as a whole: nothing of it is kept, and the message says what is still in place. */
export const notSaved = (message: string) => new RequestError(500, 'not saved', [requestDiagnostic('url', 'file', message, 'not-saved')]);

// Who may write (settle, close, save a policy): a request with the server's bearer token, or the
// browser editor with its session cookie (server/session.ts). Both compared in constant time:
// both sides are hashed first, so neither their content nor their length leaks through timing.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { RequestError, requestDiagnostic } from './errors.js';
import { sessionOf, type Sessions } from './session.js';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

export function tokenMatches(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

export interface Writers {
  /** The bearer token; without one (and without sessions) the server refuses every write. */
  token?: string;
  sessions?: Sessions;
}

const unauthorized = (message: string, code = 'unauthorized') =>
  new RequestError(401, 'unauthorized', [requestDiagnostic('headers', 'authorization', message, code)]);

/** A preHandler that refuses the request with 401 unless it carries the token or an editor session. */
export function requireToken(writers: Writers) {
  const { token, sessions } = writers;
  return async (request: FastifyRequest): Promise<void> => {
    const session = sessions && sessionOf(request);
    if (session !== undefined && sessions && tokenMatches(session, sessions.secret)) return;
    const header = request.headers.authorization ?? '';
    const given = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
    if (token === undefined && !sessions) {
      throw unauthorized('this server accepts no writes: start it with a token (`--token-file` or RATECARD_TOKEN)', 'no-token');
    }
    if (given === undefined) {
      throw unauthorized(session !== undefined
        ? 'the editor session is not this server\'s (it was restarted): reload the page'
        : `missing \`Authorization: Bearer <token>\`${sessions ? ' or an editor session (open the editor page first)' : ''}: writing needs the server's token`);
    }
    if (token === undefined || !tokenMatches(given, token)) throw unauthorized('wrong token');
  };
}

// The bearer token every writing route requires (settle, close). Compared in constant time:
// both sides are hashed first, so neither their content nor their length leaks through timing.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { RequestError, requestDiagnostic } from './errors.js';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

export function tokenMatches(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** A preHandler that refuses the request with 401 unless it carries `Authorization: Bearer <token>`. */
export function requireToken(token: string | undefined) {
  return async (request: FastifyRequest): Promise<void> => {
    const header = request.headers.authorization ?? '';
    const given = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
    if (token === undefined) {
      throw new RequestError(401, 'unauthorized', [requestDiagnostic('headers', 'authorization', 'this server accepts no writes: start it with a token (`--token-file` or RATECARD_TOKEN)', 'no-token')]);
    }
    if (given === undefined) {
      throw new RequestError(401, 'unauthorized', [requestDiagnostic('headers', 'authorization', 'missing `Authorization: Bearer <token>`: writing needs the server\'s token', 'unauthorized')]);
    }
    if (!tokenMatches(given, token)) {
      throw new RequestError(401, 'unauthorized', [requestDiagnostic('headers', 'authorization', 'wrong token', 'unauthorized')]);
    }
  };
}

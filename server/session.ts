// Editor sessions: the browser editor cannot hold the bearer token, so the server gives the page
// a session instead, as a cookie only this origin's requests carry (HttpOnly, SameSite=Strict).
// The session is a random secret of this server process. On loopback (the default) the editor
// page hands it out with the app; bound to another address, only `/?token=<bearer token>` does,
// and answers with a redirect to `/` so the token does not stay in the address bar.
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface Sessions {
  secret: string;
  /** Whether the page hands out the session (loopback) or only the token login does. */
  withPage: boolean;
}

export const newSessions = (withPage: boolean): Sessions => ({ secret: randomBytes(32).toString('hex'), withPage });

/** The cookie's name: per port (the one the request came in on), as cookies are shared by every port of a host. */
const cookieName = (request: FastifyRequest) => `ratecard_session_${request.raw.socket.localPort ?? 0}`;

/** The editor session the request carries, if any. */
export function sessionOf(request: FastifyRequest): string | undefined {
  const name = cookieName(request);
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function giveSession(reply: FastifyReply, sessions: Sessions): void {
  reply.header('set-cookie', `${cookieName(reply.request)}=${sessions.secret}; Path=/; HttpOnly; SameSite=Strict`);
}

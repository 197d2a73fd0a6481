// Requests from elsewhere: a browser page of another origin is refused (its requests carry an
// `Origin` that is not this server's), and when the server listens on loopback, requests must name
// a loopback host, so a web page cannot reach it by DNS rebinding (a name of its own that resolves
// to 127.0.0.1). Requests without `Origin` (curl, the CLI, same-origin GETs) pass.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RequestError, requestDiagnostic } from './errors.js';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export const isLoopbackHost = (host: string) => LOOPBACK_NAMES.has(host) || host.startsWith('127.');

const hostName = (host: string) => host.replace(/:\d+$/, '').toLowerCase();

const forbidden = (field: string, message: string) => new RequestError(403, 'forbidden', [requestDiagnostic('headers', field, message, 'forbidden')]);

function check(request: FastifyRequest, loopback: boolean): void {
  const host = request.headers.host ?? '';
  if (loopback && !(LOOPBACK_NAMES.has(hostName(host)) || hostName(host).endsWith('.localhost'))) {
    throw forbidden('host', `host \`${host.slice(0, 100)}\` is not served here: this server listens on loopback; use \`127.0.0.1\` or \`localhost\``);
  }
  const origin = request.headers.origin;
  if (origin === undefined) return;
  let same = false;
  try {
    const url = new URL(origin);
    same = (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host.toLowerCase();
  } catch {
    same = false;
  }
  if (!same) throw forbidden('origin', `requests from origin \`${origin.slice(0, 100)}\` are refused: only pages served by this server may call it`);
}

/** Refuses cross-origin requests, and non-loopback host names when `loopback`. */
export function guardOrigins(app: FastifyInstance, loopback: boolean): void {
  app.addHook('onRequest', async (request) => check(request, loopback));
}

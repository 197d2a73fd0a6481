// The built editor app (dist/editor-app) served beside the APIs (@fastify/static): its files with
// their content types, hashed assets cached for good and the rest revalidated; any other page path
// without an extension is the app's index.html (the app routes in the browser), and a build with
// relative asset paths opened at a deep link (`/edit/x/assets/f.js`) finds `/assets/f.js`. The
// page hands out the editor session (server/session.ts).
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { extname, join, sep } from 'node:path';
import { tokenMatches } from './auth.js';
import { RequestError, requestDiagnostic } from './errors.js';
import { giveSession, type Sessions } from './session.js';

export interface AppFiles {
  dir: string;
  sessions?: Sessions;
  token?: string;
}

const isApiPath = (path: string) => /^\/(api|docs)(\/|$)/.test(path);

/** Serves the app's files; answers the function the not-found handler asks first for app pages. */
export async function serveApp(app: FastifyInstance, files: AppFiles): Promise<(request: FastifyRequest, reply: FastifyReply) => boolean> {
  const { dir, sessions, token } = files;
  const built = () => existsSync(join(dir, 'index.html'));
  if (existsSync(dir)) {
    await app.register(fastifyStatic, {
      root: dir,
      wildcard: true,
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header('cache-control', path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
        reply.header('x-content-type-options', 'nosniff');
        if (path.endsWith(`${sep}index.html`) && sessions?.withPage) giveSession(reply, sessions);
      },
    });
  }

  // `/?token=<bearer token>`: the login of an editor served on another address than loopback.
  app.addHook('onRequest', async (request, reply) => {
    const given = (request.query as { token?: unknown } | undefined)?.token;
    if (request.method !== 'GET' || isApiPath(request.url) || typeof given !== 'string' || !sessions) return;
    if (token === undefined || !tokenMatches(given, token)) {
      throw new RequestError(401, 'unauthorized', [requestDiagnostic('query', 'token', 'wrong token: open the editor with the token `ratecard serve` was given', 'unauthorized')]);
    }
    giveSession(reply, sessions);
    return reply.redirect(request.url.split('?')[0], 303);
  });

  return (request, reply) => {
    const path = request.url.split('?')[0];
    if ((request.method !== 'GET' && request.method !== 'HEAD') || isApiPath(path) || !built()) return false;
    const assets = path.lastIndexOf('/assets/');
    if (assets > 0) {
      void reply.sendFile(path.slice(assets + 1));
      return true;
    }
    if (extname(path)) return false;
    void reply.sendFile('index.html');
    return true;
  };
}

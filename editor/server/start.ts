// The editor's local server: the built app from `staticDir` and the JSON API under `/api`
// (policies with versioned saves and history, sample datasets). Listens on 127.0.0.1 by default.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { relative, resolve } from 'node:path';
import { datasetRoutes } from './dataset-routes.js';
import { HttpError } from './http-error.js';
import { sendError } from './http-io.js';
import { PolicyFolder } from './policy-files.js';
import { PolicyHistory } from './policy-history.js';
import { policyRoutes } from './policy-routes.js';
import { PolicyStore } from './policy-store.js';
import { matchRoute, type Route } from './router.js';
import { schemaRoute } from './schema-route.js';
import { staticHandler } from './static-files.js';

export interface EditorServerOptions {
  /** The project folder; the other folders are relative to it. */
  root: string;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  policiesDir?: string;
  dataDir?: string;
  stateDir?: string;
  staticDir?: string;
  /** Where unexpected errors are reported (never to the client); default: one line on stderr. */
  log?: (message: string) => void;
}

export interface EditorServer {
  url: string;
  close(): Promise<void>;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Refuses other host names when bound to loopback, so a web page cannot reach the API by DNS rebinding. */
function hostAllowed(req: IncomingMessage, host: string): boolean {
  if (!LOOPBACK_NAMES.has(host)) return true;
  const name = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
  return LOOPBACK_NAMES.has(name) || name.endsWith('.localhost');
}

export function startEditorServer(options: EditorServerOptions): Promise<EditorServer> {
  const root = resolve(options.root);
  const host = options.host ?? '127.0.0.1';
  const at = (dir: string) => resolve(root, dir);
  const policiesDir = at(options.policiesDir ?? 'policies');
  const folder = new PolicyFolder(policiesDir, relative(root, policiesDir).split('\\').join('/'));
  const stateDir = at(options.stateDir ?? '.ratecard');
  const store = new PolicyStore(folder, new PolicyHistory(resolve(stateDir, 'history')), resolve(stateDir, 'locks'));
  const routes: Route[] = [...policyRoutes(store), schemaRoute(), ...datasetRoutes(at(options.dataDir ?? 'data/scenarios'), folder)];
  const serveStatic = staticHandler(at(options.staticDir ?? 'dist/editor-app'));
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!hostAllowed(req, host)) throw new HttpError(403, 'forbidden', `host \`${req.headers.host ?? ''}\` is not served here; open the editor at \`${host}\``);
    if (url.pathname !== '/api' && !url.pathname.startsWith('/api/')) return serveStatic(req, res, url.pathname);
    const match = matchRoute(routes, req.method ?? 'GET', url.pathname);
    if (match.kind === 'not-found') throw new HttpError(404, 'not-found', `no api endpoint \`${req.method} ${url.pathname}\``);
    if (match.kind === 'method-not-allowed') {
      res.setHeader('allow', match.allowed.join(', '));
      throw new HttpError(405, 'method-not-allowed', `\`${req.method}\` is not allowed on \`${url.pathname}\`; use ${match.allowed.map((m) => `\`${m}\``).join(' or ')}`);
    }
    await match.route.handler({ req, res, url, params: match.params });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (e instanceof HttpError) return sendError(res, e);
      log(`ratecard editor: ${req.method} ${req.url}: ${(e as Error)?.stack ?? String(e)}`);
      sendError(res, new HttpError(500, 'internal', `internal error while serving \`${req.method} ${req.url}\`: ${(e as Error)?.message ?? String(e)}`));
    });
  });

  return new Promise((resolveStart, rejectStart) => {
    server.once('error', rejectStart);
    server.listen(options.port, host, () => {
      server.off('error', rejectStart);
      const { port } = server.address() as AddressInfo;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolveStart({
        url: `http://${shownHost}:${port}/`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((err) => (err ? fail(err) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}

// The editor served by the one Ratecard server (server/): `startEditorServer` builds `ratecard
// serve`'s Fastify app with the editor's folders and app, and listens. Kept for the browser
// tests and scripts that start the editor in-process; `ratecard serve --editor` is the command.
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { buildServer } from '../../server/build-server.js';
import { isLoopbackHost } from '../../server/security.js';
import type { WorkspaceOptions } from './workspace.js';

export interface EditorServerOptions extends WorkspaceOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  staticDir?: string;
  /** The bearer token writes may also use (the page has its session). */
  token?: string;
  /** Where unexpected errors are reported (never to the client); default: none. */
  log?: (message: string) => void;
}

export interface EditorServer {
  url: string;
  close(): Promise<void>;
}

export async function startEditorServer(options: EditorServerOptions): Promise<EditorServer> {
  const host = options.host ?? '127.0.0.1';
  const { log } = options;
  const app = await buildServer({
    token: options.token,
    editor: { ...options, appDir: resolve(options.root, options.staticDir ?? 'dist/editor-app') },
    policiesDir: resolve(options.root, options.policiesDir ?? 'policies'),
    loopback: isLoopbackHost(host),
    logger: log ? { level: 'error', stream: { write: (line: string) => log(line) } } : false,
  });
  await app.listen({ host, port: options.port });
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`, close: () => app.close() };
}

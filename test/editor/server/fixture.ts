// A running editor server over a temp copy of the bundled policies and scenarios, for tests.
import { request } from 'node:http';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEditorServer, type EditorServer } from '../../../editor/server/start.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

/** The bearer token of fixture servers; writes send it (the editor page uses its session instead). */
export const TOKEN = 'editor-test-token';
export const WRITER = { authorization: `Bearer ${TOKEN}` };

export interface Fixture {
  root: string;
  server: EditorServer;
  /** Absolute path under the temp root. */
  path(...parts: string[]): string;
  get(path: string, init?: RequestInit): Promise<Response>;
  json<T = any>(path: string, init?: RequestInit): Promise<{ status: number; body: T; headers: Headers }>;
  send<T = any>(method: string, path: string, body: unknown): Promise<{ status: number; body: T }>;
  /** A request with the path exactly as given (fetch would normalise `..`) and any Host header. */
  raw(path: string, headers?: Record<string, string>): Promise<{ status: number; text: string }>;
  readPolicy(file: string): string;
  writePolicy(file: string, text: string): void;
  policyFolder(): string[];
  close(): Promise<void>;
}

export async function startFixture(options: { withApp?: boolean } = {}): Promise<Fixture> {
  const root = mkdtempSync(join(tmpdir(), 'ratecard-editor-'));
  cpSync(join(repo, 'policies'), join(root, 'policies'), { recursive: true });
  cpSync(join(repo, 'data/scenarios'), join(root, 'data/scenarios'), { recursive: true });
  if (options.withApp) {
    const app = join(root, 'dist/editor-app');
    mkdirSync(join(app, 'assets'), { recursive: true });
    writeFileSync(join(app, 'index.html'), '<!doctype html><title>Ratecard</title><div id="root"></div>');
    writeFileSync(join(app, 'assets/index-abc123.js'), 'console.log("ratecard");');
    writeFileSync(join(app, 'assets/codicon-x1.ttf'), Buffer.from([0, 1, 0, 0]));
  }
  const server = await startEditorServer({ root, port: 0, token: TOKEN });
  const url = (path: string) => new URL(path.replace(/^\//, ''), server.url).toString();
  const fixture: Fixture = {
    root,
    server,
    path: (...parts) => join(root, ...parts),
    get: (path, init) => fetch(url(path), init),
    async json(path, init) {
      const res = await fetch(url(path), init);
      return { status: res.status, body: await res.json(), headers: res.headers };
    },
    async send(method, path, body) {
      const res = await fetch(url(path), { method, headers: { 'content-type': 'application/json', ...WRITER }, body: JSON.stringify(body) });
      return { status: res.status, body: await res.json() };
    },
    raw: (path, headers = {}) =>
      new Promise((done, fail) => {
        const { hostname, port } = new URL(server.url);
        request({ host: hostname, port, path, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        }).on('error', fail).end();
      }),
    readPolicy: (file) => readFileSync(join(root, 'policies', file), 'utf8'),
    writePolicy: (file, text) => writeFileSync(join(root, 'policies', file), text),
    policyFolder: () => readdirSync(join(root, 'policies')).sort(),
    async close() {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
  return fixture;
}

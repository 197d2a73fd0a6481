// `ratecard serve`: the HTTP service (server/) over the settlement store at --db (an SQLite file,
// or a PostgreSQL URL that any number of instances share), listening on 127.0.0.1 unless told otherwise. Writes need the token from --token-file or RATECARD_TOKEN, or,
// with --editor, the session the editor page is given. `npm start` runs it with --editor.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorAt, RatecardError } from '../../engine/index.js';
import { buildServer, DEFAULT_BODY_LIMIT } from '../../server/build-server.js';
import { DEFAULT_DEADLINE_MS } from '../../server/pool/engine-pool.js';
import { isLoopbackHost } from '../../server/security.js';
import { AsyncSettlementBook } from '../../store/async-book.js';
import { isPostgresUrl } from '../../store/pg-store.js';
import { parseOptions, UsageError } from '../args.js';
import type { Command } from '../command.js';

const usage = `usage: ratecard serve [--port 8080] [--host 127.0.0.1] [--db .ratecard/settlement.db | --db postgres://…] [--token-file FILE] [--editor [--root DIR]]

  --port N             port to listen on (default 8080; 0 picks a free one)
  --host ADDRESS       address to bind (default 127.0.0.1, this machine only)
  --db FILE|URL        the settlement store: an SQLite file, or postgres://user@host:port/db[?schema=NAME]
                       (created and migrated on first use); instances on one PostgreSQL serialise their writes
  --token-file FILE    file holding the bearer token settle and close require (or RATECARD_TOKEN);
                       without a token the server answers reads and simulations only
  --body-limit MB      largest request body in megabytes (default ${DEFAULT_BODY_LIMIT / 1024 / 1024})
  --editor             also serve the policy editor: its app (dist/editor-app) at / and its API at /api,
                       over the project folder's policies/, data/scenarios/ and .ratecard/ (history, locks);
                       on loopback the editor page is given a session to save with; bound elsewhere,
                       open it once as /?token=TOKEN
  --root DIR           the project folder of --editor (default: the current folder)
  --workers N          worker threads that compute validate, simulate, explain and diff (default: the cores but one)
  --deadline S         seconds one request may compute before it is stopped with 504 (default ${DEFAULT_DEADLINE_MS / 1000})

The OpenAPI description is at /docs (UI) and /docs/json.`;

function readToken(file: string): string {
  try {
    const token = readFileSync(file, 'utf8').trim();
    if (token) return token;
  } catch (e) {
    throw new RatecardError([errorAt({ file, line: 1, column: 1 }, 'token', `cannot read the token file: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, 'io')]);
  }
  throw new RatecardError([errorAt({ file, line: 1, column: 1 }, 'token', 'the token file is empty', 'io')]);
}

const command: Command = {
  name: 'serve',
  summary: 'serve the HTTP API (validate, simulate, settle, statements) with OpenAPI at /docs',
  usage,
  async run(args, io) {
    const { values: o } = parseOptions(args, {
      port: { type: 'string' }, host: { type: 'string' }, db: { type: 'string' }, 'token-file': { type: 'string' }, 'body-limit': { type: 'string' },
      editor: { type: 'boolean' }, root: { type: 'string' }, workers: { type: 'string' }, deadline: { type: 'string' },
    });
    const workers = o.workers === undefined ? undefined : Number(o.workers);
    if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1)) throw new UsageError(`--workers must be a whole number of threads, at least 1, got \`${o.workers}\``);
    const deadline = o.deadline === undefined ? undefined : Number(o.deadline);
    if (deadline !== undefined && !(deadline > 0)) throw new UsageError(`--deadline must be a positive number of seconds, got \`${o.deadline}\``);
    if (o.root !== undefined && !o.editor) throw new UsageError('--root goes with --editor');
    const port = Number(o.port ?? 8080);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, got \`${o.port}\``);
    const limitMb = Number(o['body-limit'] ?? DEFAULT_BODY_LIMIT / 1024 / 1024);
    if (!(limitMb > 0)) throw new UsageError(`--body-limit must be a positive number of megabytes, got \`${o['body-limit']}\``);
    const token = o['token-file'] ? readToken(o['token-file']) : io.env.RATECARD_TOKEN?.trim() || undefined;
    const db = o.db ?? '.ratecard/settlement.db';
    const postgres = isPostgresUrl(db);
    if (!postgres) mkdirSync(dirname(db), { recursive: true });
    const book = await AsyncSettlementBook.open(db);
    const host = o.host ?? '127.0.0.1';
    const root = resolve(o.root ?? '.');
    const editor = o.editor ? { root, appDir: editorAppDir(root) } : undefined;
    const app = await buildServer({
      token, book, db: postgres ? db : resolve(db), editor, loopback: isLoopbackHost(host), policiesDir: editor ? join(root, 'policies') : undefined,
      pool: { threads: workers, deadlineMs: deadline === undefined ? undefined : Math.round(deadline * 1000) },
      bodyLimit: Math.round(limitMb * 1024 * 1024), logger: { level: io.env.RATECARD_LOG ?? 'warn' },
    });
    try {
      await app.listen({ host, port });
    } catch (e) {
      await book.shutdown();
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw new UsageError(`port ${port} on ${host} is already in use: stop what uses it or pick another with \`--port N\``);
      throw new UsageError(`cannot listen on ${host}:${port}: ${code ?? (e as Error).message}`);
    }
    const address = app.server.address();
    const url = typeof address === 'object' && address ? `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}` : String(address);
    const writes = token ? 'need the bearer token' : editor ? 'need the editor page\'s session' : 'disabled: no token';
    io.stdout(`ratecard serving on ${url} (docs at ${url}/docs, store ${book.where}, writes ${writes})\n`);
    if (editor) {
      io.stdout(`Ratecard editor: ${url}/\n`);
      if (!existsSync(join(editor.appDir, 'index.html'))) io.stderr(`ratecard serve: the editor app is not built (no \`dist/editor-app/index.html\`): run \`npm run editor:build\`; its API is served meanwhile\n`);
    }
    await new Promise<void>((resolve) => {
      const stop = () => { process.off('SIGINT', stop); process.off('SIGTERM', stop); resolve(); };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await app.close();
    await book.shutdown();
    return 0;
  },
};
export default command;

/**
 * The built editor app: the working folder's own build (a clone), else the one this package
 * ships (an installed package, where the working folder is the user's).
 */
function editorAppDir(root: string): string {
  const own = join(root, 'dist/editor-app');
  if (existsSync(join(own, 'index.html'))) return own;
  const here = fileURLToPath(import.meta.url);
  const shipped = join(dirname(here), here.endsWith('.ts') ? '../../dist/editor-app' : '../../editor-app');
  return existsSync(join(shipped, 'index.html')) ? shipped : own;
}

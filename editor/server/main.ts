#!/usr/bin/env node
// `npm start`: serves the built editor app and its API. Builds nothing; run the app's build first.
//   node dist/editor/server/main.js [--port 5174] [--host 127.0.0.1] [--root .]
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startEditorServer } from './start.js';

const DEFAULT_PORT = 5174;
const APP_INDEX = 'dist/editor-app/index.html';

function fail(message: string, code: number): never {
  process.stderr.write(`ratecard editor: ${message}\n`);
  process.exit(code);
}

function portOf(value: string | undefined, from: string): number {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`bad port \`${value}\` in ${from}: expected a number from 0 to 65535`, 2);
  return port;
}

async function main(): Promise<void> {
  let values: { port?: string; host?: string; root?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { port: { type: 'string' }, host: { type: 'string' }, root: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (e) {
    fail(`${(e as Error).message.toLowerCase()}; usage: ratecard-editor [--port N] [--host H] [--root DIR]`, 2);
  }
  if (values.help) {
    process.stdout.write('usage: ratecard-editor [--port N] [--host H] [--root DIR]\nServes the editor app (dist/editor-app) and its API under /api. Port: --port, else PORT, else 5174.\n');
    return;
  }
  const port = values.port !== undefined ? portOf(values.port, '--port') : portOf(process.env.PORT, 'PORT');
  const host = values.host ?? '127.0.0.1';
  const root = resolve(values.root ?? process.cwd());
  let server;
  try {
    server = await startEditorServer({ root, port, host });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') fail(`port ${port} on ${host} is already in use; stop what uses it or pick another with \`--port N\` or \`PORT=N\``, 1);
    if (code === 'EACCES') fail(`not allowed to listen on port ${port} of ${host}; pick a port above 1023 with \`--port N\``, 1);
    fail(`cannot start: ${(e as Error).message}`, 1);
  }
  process.stdout.write(`Ratecard editor: ${server.url}\n`);
  if (!existsSync(join(root, APP_INDEX))) {
    process.stderr.write(`ratecard editor: the app is not built (no \`${APP_INDEX}\`): run \`npm run editor:build\`; the api is served meanwhile\n`);
  }
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();

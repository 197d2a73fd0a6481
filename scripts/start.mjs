#!/usr/bin/env node
// `npm start`: the quick start's main job. Settles the four bundled policies over their sample
// data through the CLI (out/, checked against expected.csv), then runs the one Ratecard server
// (`ratecard serve --editor`): the editor app, its API and the service on one port (5174, or
// `--port N`, or PORT), with the settlement store in .ratecard/. The editor page gets a session to
// save with; other clients write with a token (`--token-file` or RATECARD_TOKEN). Builds what is
// missing or stale first, so a fresh clone needs nothing but `npm install`.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { appIsStale, ensureAppBuilt, newest } from '../editor/build-if-stale.mjs';

const npx = (args) => spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', args, { stdio: 'inherit' });

const built = (file, ...sources) => existsSync(file) && statSync(file).mtimeMs >= newest(...sources);

if (!built('dist/cli/commands/serve.js', 'engine', 'cli', 'runner', 'store', 'server', 'editor/server')) {
  console.log('compiling the engine, CLI and server…');
  if (npx(['tsc', '-p', 'tsconfig.build.json']).status !== 0) process.exit(1);
}
if (appIsStale()) {
  console.log('building the editor app…');
  await ensureAppBuilt();
}

console.log('\nsettling the bundled policies over their sample data:');
const samples = spawnSync(process.execPath, ['scripts/settle-samples.mjs'], { stdio: 'inherit' });
if (samples.status !== 0) process.exit(samples.status ?? 1);

console.log('');
const args = process.argv.slice(2);
const defaults = [
  ...(args.includes('--port') ? [] : ['--port', process.env.PORT || '5174']),
  ...(args.includes('--db') ? [] : ['--db', '.ratecard/settlement.db']),
];
const server = spawn(process.execPath, ['bin/ratecard.js', 'serve', '--editor', ...defaults, ...args], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));

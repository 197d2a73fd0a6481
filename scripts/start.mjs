#!/usr/bin/env node
// `npm start`: the quick start's main job. Settles the four bundled policies over their sample
// data through the CLI (out/, checked against expected.csv), then serves the editor with the
// bundled policies and datasets and prints its URL. Builds what is missing or stale first, so a
// fresh clone needs nothing but `npm install`.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { appIsStale, ensureAppBuilt, newest } from '../editor/build-if-stale.mjs';

const npx = (args) => spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', args, { stdio: 'inherit' });

const built = (file, ...sources) => existsSync(file) && statSync(file).mtimeMs >= newest(...sources);

if (!built('dist/editor/server/main.js', 'engine', 'cli', 'runner', 'store', 'server', 'editor/server')) {
  console.log('compiling the engine, CLI and servers…');
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
const server = spawn(process.execPath, ['dist/editor/server/main.js', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));

// Builds the editor app (Vite, config vite.config.ts) into dist/editor-app when it is missing or
// older than any of its sources: the app, the engine it bundles, the Vite config, the lockfile.
// Builds into a folder of its own and swaps it in, so parallel runs never serve a half-written app.
// `node editor/build-if-stale.mjs` does it from the command line (used by `npm start`).
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const APP_DIR = join(ROOT, 'dist/editor-app');
const SOURCES = ['editor/src', 'editor/index.html', 'engine', 'vite.config.ts', 'package-lock.json'];

/** Newest modification time of the given files and folders and of anything under the folders; missing paths count 0. */
export function newest(...paths) {
  let latest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const s = statSync(path);
    latest = Math.max(latest, s.mtimeMs);
    if (s.isDirectory()) latest = Math.max(latest, newest(...readdirSync(path).map((name) => join(path, name))));
  }
  return latest;
}

export function appIsStale() {
  const index = join(APP_DIR, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return newest(...SOURCES.map((p) => join(ROOT, p))) > built;
}

/** Returns true when it built. */
export async function ensureAppBuilt() {
  if (!appIsStale()) return false;
  const { build } = await import('vite');
  const outDir = `${APP_DIR}.${process.pid}.tmp`;
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  rmSync(APP_DIR, { recursive: true, force: true });
  renameSync(outDir, APP_DIR);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  ensureAppBuilt().then(
    (built) => process.stdout.write(built ? `built the editor app into ${APP_DIR}\n` : ''),
    (e) => { process.stderr.write(`ratecard editor: the app did not build: ${e?.message ?? e}\n`); process.exit(1); },
  );
}

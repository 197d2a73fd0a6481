// Builds the editor app with Vite's build() API when dist/editor-app is missing or older than
// any of its sources (the app, the engine it bundles, the Vite config).
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const APP_DIR = join(ROOT, 'dist/editor-app');

function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), s.mtimeMs);
}

export function appIsStale(): boolean {
  const index = join(APP_DIR, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = ['editor/src', 'editor/index.html', 'engine', 'vite.config.ts', 'package-lock.json'].map((p) => join(ROOT, p)).filter(existsSync);
  return sources.some((p) => newest(p) > built);
}

/**
 * Builds into a folder of its own, then swaps it in: test runs in parallel (several `npm test`
 * in one tree) never serve a half-written app.
 */
export async function ensureAppBuilt(): Promise<void> {
  if (!appIsStale()) return;
  const { build } = await import('vite');
  const outDir = `${APP_DIR}.${process.pid}.tmp`;
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  rmSync(APP_DIR, { recursive: true, force: true });
  renameSync(outDir, APP_DIR);
}

// The editor app built for production before timing it: a build made by a test run (vitest sets
// NODE_ENV=test) bundles React's development build, several times slower, and the bench would
// time that. Such a build is marked stale and built again with NODE_ENV=production.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { APP_DIR, ensureAppBuilt } from '../e2e/app-build.js';

const isDevelopmentBuild = () => {
  const assets = join(APP_DIR, 'assets');
  return existsSync(assets) && readdirSync(assets).some((f) => f.endsWith('.js') && readFileSync(join(assets, f), 'utf8').includes('jsxDEV'));
};

export async function ensureProductionApp(): Promise<void> {
  process.env.NODE_ENV = 'production';
  if (isDevelopmentBuild()) rmSync(join(APP_DIR, 'index.html'), { force: true });
  await ensureAppBuilt();
  if (isDevelopmentBuild()) throw new Error('the editor app was built for development: the bench times a production build');
}

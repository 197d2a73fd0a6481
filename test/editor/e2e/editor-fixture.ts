// An editor server over a temp copy of policies/ and data/scenarios/, and a headless Chromium.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startEditorServer, type EditorServer } from '../../../editor/server/start.js';
import { APP_DIR, ROOT } from './app-build.js';

export interface EditorFixture { dir: string; server: EditorServer; browser: Browser; close(): Promise<void> }

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function startFixture(): Promise<EditorFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'ratecard-editor-e2e-'));
  cpSync(join(ROOT, 'policies'), join(dir, 'policies'), { recursive: true });
  cpSync(join(ROOT, 'data/scenarios'), join(dir, 'data'), { recursive: true });
  const server = await startEditorServer({ root: dir, port: 0, policiesDir: 'policies', dataDir: 'data', stateDir: '.ratecard', staticDir: APP_DIR, log: () => undefined });
  // Playwright gives every launch a fresh temporary profile (its own --user-data-dir).
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    dir, server, browser,
    async close() {
      await browser.close().catch(() => undefined);
      await server.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

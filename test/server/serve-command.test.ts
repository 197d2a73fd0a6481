// `ratecard serve` through the built CLI: prints its URL, answers, settles with the token from
// --token-file into the --db store, and stops cleanly on SIGTERM.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureAppBuilt } from '../editor/e2e/app-build.js';
import { post, scenarioDataset } from './serve-for-test.js';
import { serve, stopped } from './serve-process.js';

const dir = mkdtempSync(join(tmpdir(), 'ratecard-serve-'));

describe('ratecard serve', () => {
  it('has a built CLI (npm test builds it first)', () => {
    expect(existsSync('dist/cli/commands/serve.js'), 'run `npm run build` first').toBe(true);
  });

  it('prints its URL on 127.0.0.1, settles with the token file into --db, stops on SIGTERM', async () => {
    const tokenFile = join(dir, 'token');
    writeFileSync(tokenFile, 'file-token-42\n');
    const db = join(dir, 'nested', 'settlement.db');
    const { child, url } = await serve(['--db', db, '--token-file', tokenFile]);
    expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: 'ok', store: 'open', writes: 'token' });
    const body = { policy: { id: 'service-center' }, dataset: scenarioDataset('service-center'), from: '2025-01', to: '2025-03' };
    expect((await post(`${url}/settle`, body)).status).toBe(401);
    const settled = await post(`${url}/settle`, body, { authorization: 'Bearer file-token-42' });
    expect(settled.status).toBe(201);
    expect(existsSync(db)).toBe(true);
    expect(await stopped(child)).toBe(0);
  });

  it('takes the token from RATECARD_TOKEN', async () => {
    const { child, url } = await serve(['--db', join(dir, 'env.db')], { RATECARD_TOKEN: 'env-token' });
    const res = await post(`${url}/periods/close`, { policyId: 'service-center', period: '2025-01' }, { authorization: 'Bearer env-token' });
    expect(res.status).toBe(409); // past the token: nothing settled yet in this store
    expect(await stopped(child)).toBe(0);
  });

  it('reports a missing token file with its path (exit 1) and a bad port as a usage error (exit 2)', () => {
    const missing = spawnSync('node', ['bin/ratecard.js', 'serve', '--token-file', join(dir, 'nope'), '--db', join(dir, 'x.db')], { encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/nope:1:1 token: cannot read the token file: ENOENT/);
    const port = spawnSync('node', ['bin/ratecard.js', 'serve', '--port', 'http'], { encoding: 'utf8' });
    expect(port.status).toBe(2);
    expect(port.stderr).toContain('--port must be a port number, got `http`');
  });

  it('serves the editor app this package ships when the working folder has no build of its own', { timeout: 300_000 }, async () => {
    await ensureAppBuilt();
    const root = mkdtempSync(join(tmpdir(), 'ratecard-user-'));
    const { child, url } = await serve(['--editor', '--root', root, '--db', join(root, 'book.db')]);
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="root">/);
    expect(await stopped(child)).toBe(0);
  });
});

// The `npm start` entry: prints its URL, serves the API, and says clearly when the port is taken.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const main = join(repo, 'editor/server/main.ts');
let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ratecard-editor-main-'));
  cpSync(join(repo, 'policies'), join(root, 'policies'), { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function start(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', main, '--root', root, ...args], {
    cwd: repo, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const url = new Promise<string>((done, fail) => {
    child.stdout.on('data', () => {
      const m = /Ratecard editor: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
      if (m) done(m[1]);
    });
    void exited.then((code) => fail(new Error(`exited with ${code}: ${stderr}`)));
  });
  url.catch(() => undefined); // runs that are meant to fail never print a url
  return { child, url, exited, output: () => ({ stdout, stderr }) };
}

describe('editor server main', () => {
  it('prints its url and serves the api until stopped', async () => {
    const run = start(['--port', '0']);
    const url = await run.url;
    const res = await fetch(new URL('api/policies', url));
    expect(res.status).toBe(200);
    expect((await res.json()).length).toBe(7);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output().stderr).toBe('ratecard editor: the app is not built (no `dist/editor-app/index.html`): run `npm run editor:build`; the api is served meanwhile\n');
  });

  it('says clearly when the port is taken, and exits with 1', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const port = (blocker.address() as { port: number }).port;
    try {
      const run = start([], { PORT: String(port) });
      expect(await run.exited).toBe(1);
      expect(run.output().stderr).toBe(`ratecard editor: port ${port} on 127.0.0.1 is already in use; stop what uses it or pick another with \`--port N\` or \`PORT=N\`\n`);
    } finally {
      blocker.close();
    }
  });

  it('refuses a bad port with a usage error', async () => {
    const run = start(['--port', 'eighty']);
    expect(await run.exited).toBe(2);
    expect(run.output().stderr).toContain('bad port `eighty` in --port');
  });
});

// `ratecard serve --editor` (what `npm start` runs): one process, one port, the editor's API and
// the service; says clearly when the port is taken.
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
let root: string;
const children: ChildProcess[] = [];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ratecard-serve-editor-'));
  cpSync(join(repo, 'policies'), join(root, 'policies'), { recursive: true });
});
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

function serve(args: string[]) {
  const child = spawn(process.execPath, [join(repo, 'bin/ratecard.js'), 'serve', '--editor', '--root', root, '--db', join(root, '.ratecard/settlement.db'), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const url = new Promise<string>((done, fail) => {
    child.stdout.on('data', () => {
      const m = /Ratecard editor: (http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout);
      if (m) done(m[1]);
    });
    void exited.then((code) => fail(new Error(`exited with ${code}: ${stderr}`)));
  });
  url.catch(() => undefined);
  return { child, url, exited, output: () => ({ stdout, stderr }) };
}

describe('ratecard serve --editor', () => {
  it('serves the editor API and the service on one port until stopped', async () => {
    const run = serve(['--port', '0']);
    const url = await run.url;
    const policies = await (await fetch(`${url}/api/policies`)).json();
    expect(policies.map((p: { file: string }) => p.file)).toContain('rural-contract.yaml');
    expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: 'ok', store: 'open', writes: 'session' });
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    // The folder has no build of its own: serve falls back to the one the package ships (this
    // repository's, built by the browser tests), and says so only when there is none.
    const shipped = existsSync(join(repo, 'dist/editor-app/index.html'));
    expect(run.output().stderr).toBe(shipped ? '' : 'ratecard serve: the editor app is not built (no `dist/editor-app/index.html`): run `npm run editor:build`; its API is served meanwhile\n');
  });

  it('says clearly when the port is taken', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const port = (blocker.address() as { port: number }).port;
    try {
      const run = serve(['--port', String(port)]);
      expect(await run.exited).toBe(2);
      expect(run.output().stderr).toContain(`port ${port} on 127.0.0.1 is already in use: stop what uses it or pick another with \`--port N\``);
    } finally {
      blocker.close();
    }
  });
});

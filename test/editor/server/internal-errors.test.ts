// An unexpected failure answers 500 with a generic message (no server path); the stack goes to the log, not the client.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEditorServer, type EditorServer } from '../../../editor/server/start.js';

let root: string;
let server: EditorServer;
const logged: string[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ratecard-editor-errors-'));
  writeFileSync(join(root, 'not-a-folder'), 'x');
  server = await startEditorServer({ root, port: 0, policiesDir: 'not-a-folder', log: (m) => logged.push(m) });
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('internal errors', () => {
  it('answer 500 with a json message and log the stack', async () => {
    const res = await fetch(new URL('api/policies', server.url));
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body).toEqual({ error: 'internal error', message: 'the server failed on this request; its log has the details', diagnostics: [expect.objectContaining({ file: 'url', code: 'internal' })] });
    expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(ts|js):\d+/);
    expect(JSON.stringify(body)).not.toContain(root);
    const entries = logged.map((m) => JSON.parse(m) as { url?: string; err?: { stack?: string; code?: string } });
    expect(entries.some((e) => e.url === '/api/policies' && e.err?.code === 'ENOTDIR' && /\n\s+at /.test(e.err.stack ?? ''))).toBe(true);
  });
});

// An unexpected failure answers 500 with a json message; the stack goes to the log, not the client.
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
    expect(body.error).toBe('internal');
    expect(body.message).toMatch(/^internal error while serving `GET \/api\/policies`: /);
    expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(ts|js):\d+/);
    expect(logged.some((m) => m.includes('GET /api/policies') && /\n\s+at /.test(m))).toBe(true);
  });
});

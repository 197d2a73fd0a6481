// A save is whole: the policy file and its history entry are written together or not at all,
// and a failed save says so and leaves the previous version in place (issue 10, point 4).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { startEditorServer, type EditorServer } from '../../../editor/server/start.js';
import { startFixture, TOKEN, WRITER, type Fixture } from './fixture.js';

const FILE = 'rural-contract.yaml';
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const edit = (text: string, price: string) => text.replace('maintenance_price: { type: money, value: 1.50', `maintenance_price: { type: money, value: ${price}`);

let f: Fixture;
afterEach(() => f.close());

async function save(url: string, body: object) {
  const res = await fetch(new URL(`api/policies/${FILE}`, url), { method: 'PUT', headers: { 'content-type': 'application/json', ...WRITER }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

describe('a save whose history cannot be written', () => {
  it('writes nothing, answers that the previous version is still in place, and can be retried', async () => {
    f = await startFixture();
    const { text, version } = (await f.json(`/api/policies/${FILE}`)).body;
    const changed = edit(text, '1.60');
    // The history keeps each version's text as `<sha256>.yaml`: a folder in its place fails the write.
    const blocker = f.path('.ratecard/history', FILE, `${sha256(changed)}.yaml`);
    mkdirSync(blocker);
    const request = { text: changed, baseVersion: version, author: 'li.wei', message: 'raise maintenance price' };
    const failed = await f.send('PUT', `/api/policies/${FILE}`, request);
    expect(failed.status).toBe(500);
    expect(failed.body).toEqual({
      error: 'not saved',
      message: `policy \`${FILE}\` was not saved: its history entry could not be written (EISDIR); the previous version \`${version.slice(0, 12)}\` is still in place`,
      diagnostics: [expect.objectContaining({ file: 'url', field: 'file', code: 'not-saved' })],
    });
    expect(f.readPolicy(FILE)).toBe(text);
    expect((await f.json(`/api/policies/${FILE}`)).body.version).toBe(version);
    expect((await f.json(`/api/policies/${FILE}/history`)).body.map((e: { version: string }) => e.version)).toEqual([version]);

    rmSync(blocker, { recursive: true });
    const retried = await f.send('PUT', `/api/policies/${FILE}`, request);
    expect(retried.status).toBe(200);
    expect(f.readPolicy(FILE)).toBe(changed);
    expect((await f.json(`/api/policies/${FILE}/history`)).body.map((e: { author: string }) => e.author)).toEqual(['li.wei', 'disk']);
  });
});

describe('a save whose policy file cannot be written after its history was', () => {
  let server: EditorServer | undefined;
  afterEach(async () => { await server?.close(); server = undefined; });

  it('takes its history entry back, so the history still ends at the version on disk', async () => {
    f = await startFixture();
    let failNext = true;
    // The real write, failing once as a full disk would (after the history was written).
    const flaky = async (path: string, text: string) => {
      if (failNext) { failNext = false; throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }); }
      await writeFile(path, text);
    };
    server = await startEditorServer({ root: f.root, port: 0, token: TOKEN, writeFile: flaky });
    const opened = await fetch(new URL(`api/policies/${FILE}`, server.url)).then((r) => r.json());
    const request = { text: edit(opened.text, '1.70'), baseVersion: opened.version, author: 'wang.fang', message: 'raise' };
    const failed = await save(server.url, request);
    expect(failed.status).toBe(500);
    expect(failed.body.message).toBe(`policy \`${FILE}\` was not saved: the file could not be written (ENOSPC); the previous version \`${opened.version.slice(0, 12)}\` is still in place`);
    expect(readFileSync(f.path('policies', FILE), 'utf8')).toBe(opened.text);
    const history = await fetch(new URL(`api/policies/${FILE}/history`, server.url)).then((r) => r.json());
    expect(history.map((e: { version: string; author: string }) => [e.version, e.author])).toEqual([[opened.version, 'disk']]);

    const retried = await save(server.url, request);
    expect(retried.status).toBe(200);
    expect(readFileSync(f.path('policies', FILE), 'utf8')).toBe(request.text);
  });
});

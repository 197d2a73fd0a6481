// Saving policies: version check, validation before writing, atomic writes, history entries.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFixture, TOKEN, WRITER, type Fixture } from './fixture.js';

let f: Fixture;
beforeEach(async () => {
  f = await startFixture();
});
afterEach(() => f.close());

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const FILE = 'rural-contract.yaml';
const edit = (text: string, price: string) => text.replace('maintenance_price: { type: money, value: 1.50', `maintenance_price: { type: money, value: ${price}`);

async function open(file = FILE) {
  return (await f.json(`/api/policies/${file}`)).body as { text: string; version: string };
}

describe('PUT /api/policies/:file', () => {
  it('saves a valid edit, returns the new version and records who, when and why', async () => {
    const { text, version } = await open();
    const changed = edit(text, '1.60');
    const { status, body } = await f.send('PUT', `/api/policies/${FILE}`, { text: changed, baseVersion: version, author: 'li.wei', message: 'raise maintenance price' });
    expect(status).toBe(200);
    expect(body).toEqual({ file: FILE, version: sha256(changed), savedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(f.readPolicy(FILE)).toBe(changed);
    expect(f.policyFolder().filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect((await open()).version).toBe(sha256(changed));

    const history = (await f.json(`/api/policies/${FILE}/history`)).body;
    expect(history).toEqual([
      { version: sha256(changed), author: 'li.wei', message: 'raise maintenance price', savedAt: body.savedAt, size: Buffer.byteLength(changed) },
      { version, author: 'disk', message: 'loaded from disk', savedAt: expect.any(String), size: Buffer.byteLength(text) },
    ]);
  });

  it('refuses an invalid policy with 422 and its diagnostics, leaving the file and folder as they were', async () => {
    const { text, version } = await open();
    const before = f.policyFolder();
    const broken = text.replace('units: billed_lines', 'units: billed_linez');
    const { status, body } = await f.send('PUT', `/api/policies/${FILE}`, { text: broken, baseVersion: version, author: 'li.wei', message: 'typo' });
    expect(status).toBe(422);
    expect(body.error).toBe('invalid');
    expect(body.diagnostics.some((d: { message: string; line: number }) => d.message.includes('billed_linez') && d.line > 1)).toBe(true);
    expect(f.readPolicy(FILE)).toBe(text);
    expect(f.policyFolder()).toEqual(before);
    expect((await f.json(`/api/policies/${FILE}/history`)).body).toHaveLength(1);
  });

  it('answers 409 with the current version when the file changed on disk since it was opened', async () => {
    const { text, version } = await open();
    const onDisk = edit(text, '1.55');
    f.writePolicy(FILE, onDisk);
    const { status, body } = await f.send('PUT', `/api/policies/${FILE}`, { text: edit(text, '1.60'), baseVersion: version, author: 'li.wei', message: 'raise' });
    expect(status).toBe(409);
    expect(body).toEqual({
      error: 'conflict', message: expect.stringContaining('changed since version'), currentVersion: sha256(onDisk),
      diagnostics: [expect.objectContaining({ file: 'body', field: 'baseVersion', message: body.message })],
    });
    expect(f.readPolicy(FILE)).toBe(onDisk);
    const history = (await f.json(`/api/policies/${FILE}/history`)).body;
    expect(history[0]).toMatchObject({ version: sha256(onDisk), author: 'disk', message: 'changed on disk outside the editor' });
  });

  it('gives one 200 and one 409 for two concurrent saves from the same version', async () => {
    const { text, version } = await open();
    const saves = await Promise.all(
      ['1.60', '1.70'].map((price) => f.send('PUT', `/api/policies/${FILE}`, { text: edit(text, price), baseVersion: version, author: `tab ${price}`, message: `price ${price}` })),
    );
    expect(saves.map((s) => s.status).sort()).toEqual([200, 409]);
    const winner = saves.find((s) => s.status === 200)!;
    const loser = saves.find((s) => s.status === 409)!;
    expect(loser.body.currentVersion).toBe(winner.body.version);
    expect(sha256(f.readPolicy(FILE))).toBe(winner.body.version);
    expect((await f.json(`/api/policies/${FILE}/history`)).body).toHaveLength(2);
  });

  it('gives exactly one 200 among many concurrent saves from the same version', async () => {
    const { text, version } = await open();
    const prices = ['1.51', '1.52', '1.53', '1.54', '1.55', '1.56'];
    const saves = await Promise.all(prices.map((p) => f.send('PUT', `/api/policies/${FILE}`, { text: edit(text, p), baseVersion: version, author: 'a', message: p })));
    expect(saves.filter((s) => s.status === 200)).toHaveLength(1);
    expect(saves.filter((s) => s.status === 409)).toHaveLength(prices.length - 1);
  });

  it('serialises saves between two servers over the same folders (lock file)', async () => {
    const { startEditorServer } = await import('../../../editor/server/start.js');
    const other = await startEditorServer({ root: f.root, port: 0, token: TOKEN });
    try {
      const { text, version } = await open();
      const put = (base: string, price: string) =>
        fetch(new URL(`api/policies/${FILE}`, base), {
          method: 'PUT', headers: { 'content-type': 'application/json', ...WRITER },
          body: JSON.stringify({ text: edit(text, price), baseVersion: version, author: base, message: price }),
        }).then((r) => r.status);
      const statuses = await Promise.all([put(f.server.url, '1.61'), put(other.url, '1.62'), put(f.server.url, '1.63'), put(other.url, '1.64')]);
      expect(statuses.sort()).toEqual([200, 409, 409, 409]);
      expect(existsSync(f.path('.ratecard/locks', `${FILE}.lock`))).toBe(false);
    } finally {
      await other.close();
    }
  });

  it('creates a new file with a null base version, and refuses to create one that exists', async () => {
    const text = f.readPolicy(FILE).replace('id: rural-contract', 'id: rural-contract-b');
    const created = await f.send('PUT', '/api/policies/rural-contract-b.yaml', { text, baseVersion: null, author: 'li.wei', message: 'variant' });
    expect(created.status).toBe(200);
    expect(f.readPolicy('rural-contract-b.yaml')).toBe(text);
    const again = await f.send('PUT', '/api/policies/rural-contract-b.yaml', { text, author: 'wang.fang', message: 'variant too' });
    expect(again).toMatchObject({ status: 409, body: { error: 'conflict', message: expect.stringContaining('already exists'), currentVersion: sha256(text) } });
  });

  it('answers 409 when the file was deleted since it was opened', async () => {
    const { text, version } = await open();
    const { rmSync } = await import('node:fs');
    rmSync(f.path('policies', FILE));
    const { status, body } = await f.send('PUT', `/api/policies/${FILE}`, { text, baseVersion: version, author: 'li.wei', message: 'x' });
    expect(status).toBe(409);
    expect(body.currentVersion).toBeNull();
    expect(existsSync(f.path('policies', FILE))).toBe(false);
  });

  it.each([
    ['an empty author', { author: '', message: 'm' }, 'author', 'must not be empty'],
    ['a blank author', { author: ' ', message: 'm' }, 'author', 'must be one line, not blank'],
    ['no message', { author: 'a' }, 'message', 'missing field `message`'],
    ['no author', { message: 'm' }, 'author', 'missing field `author`'],
    ['a bad base version', { author: 'a', message: 'm', baseVersion: 'abc' }, 'baseVersion', 'bad version `abc`: expected 64 lowercase hex digits (the sha256 of the text)'],
    ['an author of two lines', { author: 'li\nwei', message: 'm' }, 'author', 'must be one line, not blank'],
    ['a message too long', { author: 'a', message: 'm'.repeat(5001) }, 'message', 'is too long: 5001 characters, at most 5000'],
  ])('refuses %s with 400, located in the body', async (_case, fields, field, message) => {
    const { text, version } = await open();
    const { status, body } = await f.send('PUT', `/api/policies/${FILE}`, { text, baseVersion: version, ...fields });
    expect(status).toBe(400);
    expect(body.diagnostics).toContainEqual(expect.objectContaining({ file: 'body', field, message }));
    expect(f.readPolicy(FILE)).toBe(text);
  });

  it('refuses a path outside the policies folder', async () => {
    const { text } = await open();
    for (const name of ['..%2Fescaped.yaml', '..%2F..%2Fescaped.yaml', 'sub%2Fescaped.yaml']) {
      const { status } = await f.send('PUT', `/api/policies/${name}`, { text, baseVersion: null, author: 'a', message: 'm' });
      expect(status).toBe(400);
    }
    expect(existsSync(f.path('escaped.yaml'))).toBe(false);
    expect(existsSync(f.path('..', 'escaped.yaml'))).toBe(false);
  });
});

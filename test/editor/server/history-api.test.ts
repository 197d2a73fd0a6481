// History of saves, old versions and diffs between versions.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, type Fixture } from './fixture.js';

const FILE = 'postal-agency.yaml';
let f: Fixture;
let original: { text: string; version: string };
let saved: { text: string; version: string };

beforeAll(async () => {
  f = await startFixture();
  original = (await f.json(`/api/policies/${FILE}`)).body;
  const lines = original.text.split('\n');
  const idx = lines.findIndex((l) => l.startsWith('name: '));
  lines[idx] = 'name: Postal agents (2026)';
  const text = lines.join('\n');
  const { body } = await f.send('PUT', `/api/policies/${FILE}`, { text, baseVersion: original.version, author: 'zhao.min', message: 'rename for 2026' });
  saved = { text, version: body.version };
});
afterAll(() => f.close());

describe('history', () => {
  it('lists the saves newest first, the first one loaded from disk', async () => {
    const { body } = await f.json(`/api/policies/${FILE}/history`);
    expect(body.map((e: { version: string; author: string; message: string }) => [e.version, e.author, e.message])).toEqual([
      [saved.version, 'zhao.min', 'rename for 2026'],
      [original.version, 'disk', 'loaded from disk'],
    ]);
  });

  it('returns the text of any version in the history', async () => {
    expect((await f.json(`/api/policies/${FILE}/history/${original.version}`)).body).toEqual({ version: original.version, text: original.text });
    expect((await f.json(`/api/policies/${FILE}/history/${saved.version}`)).body).toEqual({ version: saved.version, text: saved.text });
  });

  it('answers 404 for an unknown version and 400 for a malformed one', async () => {
    const unknown = await f.json(`/api/policies/${FILE}/history/${'0'.repeat(64)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe(`version \`${'0'.repeat(64)}\` of \`${FILE}\` is not in its history`);
    expect((await f.json(`/api/policies/${FILE}/history/..%2F..%2Fpackage.json`)).status).toBe(400);
  });

  it('keeps texts by content and an append-only jsonl index under the state folder', () => {
    const dir = f.path('.ratecard/history', FILE);
    expect(readdirSync(dir).sort()).toEqual([`${original.version}.yaml`, `${saved.version}.yaml`, 'index.jsonl'].sort());
    const index = readFileSync(`${dir}/index.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(index.map((e) => e.version)).toEqual([original.version, saved.version]);
  });

  it('answers 404 for the history of a policy that never existed', async () => {
    expect((await f.json('/api/policies/never-was.yaml/history')).status).toBe(404);
    expect(existsSync(f.path('.ratecard/history/never-was.yaml'))).toBe(false);
  });
});

describe('GET /api/policies/:file/diff', () => {
  it('gives a unified diff and hunks between two versions', async () => {
    const { status, body } = await f.json(`/api/policies/${FILE}/diff?from=${original.version}&to=${saved.version}`);
    expect(status).toBe(200);
    expect(body.from).toBe(original.version);
    expect(body.to).toBe(saved.version);
    expect(body.unified).toContain(`--- a/${FILE}`);
    expect(body.unified).toContain(`+++ b/${FILE}`);
    expect(body.unified).toContain('\n-name: Postal agents\n');
    expect(body.unified).toContain('\n+name: Postal agents (2026)\n');
    expect(body.hunks).toHaveLength(1);
    const hunk = body.hunks[0];
    expect(hunk.lines.filter((l: string) => l[0] === '-' || l[0] === '+')).toEqual(['-name: Postal agents', '+name: Postal agents (2026)']);
    const nameLine = original.text.split('\n').findIndex((l) => l.startsWith('name: ')) + 1;
    expect(hunk.oldStart).toBe(Math.max(1, nameLine - 3));
  });

  it('is empty between a version and itself', async () => {
    const { body } = await f.json(`/api/policies/${FILE}/diff?from=${saved.version}&to=${saved.version}`);
    expect(body).toEqual({ from: saved.version, to: saved.version, unified: '', hunks: [] });
  });

  it('needs both versions', async () => {
    const { status, body } = await f.json(`/api/policies/${FILE}/diff?from=${saved.version}`);
    expect(status).toBe(400);
    expect(body.message).toBe('missing field `to`');
    expect(body.diagnostics).toEqual([expect.objectContaining({ file: 'query', field: 'to' })]);
  });
});

describe('history kept on disk', () => {
  it('skips index lines that do not parse and refuses texts that do not match their version', async () => {
    const { appendFileSync, writeFileSync } = await import('node:fs');
    const dir = f.path('.ratecard/history', FILE);
    appendFileSync(`${dir}/index.jsonl`, '{"version": "trunc');
    const { body } = await f.json(`/api/policies/${FILE}/history`);
    expect(body.map((e: { version: string }) => e.version)).toEqual([saved.version, original.version]);
    writeFileSync(`${dir}/${original.version}.yaml`, 'tampered\n');
    expect((await f.json(`/api/policies/${FILE}/history/${original.version}`)).status).toBe(404);
  });
});

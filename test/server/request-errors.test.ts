// Bad requests over a real listening server: every answer is `{error, diagnostics}` naming the
// field and the reason, with the right status, and never a stack trace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, DEFAULT_BODY_LIMIT } from '../../server/build-server.js';
import { get, listening, post, type Running, scenarioDataset } from './serve-for-test.js';

let server: Running;
beforeAll(async () => { server = await listening({ bodyLimit: 64 * 1024 }); });
afterAll(() => server.close());

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);

describe('schema-invalid requests', () => {
  it('400 names a missing field', async () => {
    const res = await post(`${server.url}/simulate`, { policy: { id: 'rural-contract' } });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      error: 'invalid request body',
      message: 'missing field `dataset`',
      diagnostics: [expect.objectContaining({ file: 'body', line: 1, column: 1, field: 'dataset', message: 'missing field `dataset`' })],
    });
  });

  it('400 names a mistyped, malformed or unknown field', async () => {
    const res = await post(`${server.url}/simulate`, {
      policy: { id: 'rural-contract' }, dataset: { payees: { file: 'p.csv', text: 1 }, facts: { file: 'f.csv', text: '' } }, from: '2025-13', colour: 'red',
    });
    expect(res.status).toBe(400);
    const fields = Object.fromEntries(res.json.diagnostics.map((d: { field: string; message: string }) => [d.field, d.message]));
    expect(fields).toMatchObject({ 'dataset.payees.text': 'expected a string', from: 'expected a month, `YYYY-MM`', colour: 'unknown field `colour`' });
    noStack(res.text);
  });

  it('400 points at the line and column of the field in the body sent', async () => {
    const body = '{\n  "policy": {"id": "rural-contract"},\n  "dataset": {\n    "payees": {"file": "p.csv", "text": 5},\n    "facts": {"file": "f.csv", "text": ""}\n  },\n  "to": "2025-6"\n}';
    const res = await fetch(`${server.url}/simulate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(res.status).toBe(400);
    expect((await res.json()).diagnostics).toEqual([
      expect.objectContaining({ file: 'body', line: 4, column: 33, field: 'dataset.payees.text', message: 'expected a string' }),
      expect.objectContaining({ file: 'body', line: 7, column: 3, field: 'to', message: 'expected a month, `YYYY-MM`' }),
    ]);
  });

  it('400 when a policy is given two ways, or none', async () => {
    const both = await post(`${server.url}/validate`, { policy: { id: 'rural-contract', text: 'id: x' } });
    expect(both.status).toBe(400);
    expect(both.json.diagnostics).toEqual([expect.objectContaining({ field: 'policy', message: 'expected exactly one of `text`, `id` or `document`' })]);
    const none = await post(`${server.url}/validate`, { policy: {} });
    expect(none.json.diagnostics).toEqual([expect.objectContaining({ field: 'policy' })]);
  });

  it('400 checks a policy document with the engine\'s policy schema', async () => {
    const res = await post(`${server.url}/validate`, { policy: { document: { id: 'x', name: 'X', version: 1, applies_to: { channel_type: ['rural_contract'] }, rules: [{ id: 'a', kind: 'commision', amount: '1' }] } } });
    expect(res.status).toBe(400);
    expect(res.json.diagnostics.map((d: { field: string }) => d.field)).toContain('policy.document.rules[0].kind');
  });

  it('400 on a bad query string, naming the parameter', async () => {
    const res = await get(`${server.url}/statements/rural-contract?from=June`);
    expect(res.status).toBe(400);
    expect(res.json.diagnostics).toEqual([expect.objectContaining({ file: 'query', field: 'from', message: 'expected a month, `YYYY-MM`' })]);
  });
});

describe('malformed requests', () => {
  it('400 on a body that is not JSON', async () => {
    const res = await fetch(`${server.url}/simulate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{\n  "policy" {}}' });
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json.error).toBe('invalid request body');
    expect(json.diagnostics).toEqual([expect.objectContaining({ file: 'body', line: 2, column: 12, message: 'not valid JSON: expected `:` after property name' })]);
  });

  it('400 on a body that tries to set a prototype', async () => {
    const res = await fetch(`${server.url}/validate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"policy": {"id": "rural-contract"}, "__proto__": {"admin": true}}' });
    expect(res.status).toBe(400);
    expect((await res.json()).diagnostics[0].message).toBe('keys `__proto__` and `constructor.prototype` are not accepted');
  });

  it('415 on a body that is not JSON by content type', async () => {
    const res = await fetch(`${server.url}/simulate`, { method: 'POST', headers: { 'content-type': 'text/yaml' }, body: 'id: x' });
    expect(res.status).toBe(415);
    expect((await res.json()).diagnostics[0].field).toBe('content-type');
  });

  it('allows 50 MB bodies unless told otherwise', async () => {
    const app = await buildServer();
    expect(app.initialConfig.bodyLimit).toBe(50 * 1024 * 1024);
    expect(DEFAULT_BODY_LIMIT).toBe(50 * 1024 * 1024);
    await app.close();
  });

  it('413 on a body over the limit', async () => {
    const dataset = scenarioDataset('rural-contract');
    dataset.facts.text = dataset.facts.text.repeat(20);
    const res = await post(`${server.url}/simulate`, { policy: { id: 'rural-contract' }, dataset });
    expect(res.status).toBe(413);
    expect(res.json.error).toBe('request body too large');
    expect(res.json.diagnostics[0].message).toContain('65536');
  });

  it('404 on an unknown route', async () => {
    const res = await get(`${server.url}/settlements`);
    expect(res.status).toBe(404);
    expect(res.json.diagnostics[0].message).toBe('no route `GET /settlements`');
  });

  it('500 on an unexpected failure, without its message or stack', async () => {
    const failing = { listRuns: () => { throw new Error('disk on fire at /srv/store/sqlite-store.ts:42'); } };
    const broken = await listening({ book: failing as never });
    try {
      const res = await get(`${broken.url}/runs`);
      expect(res.status).toBe(500);
      expect(res.json).toEqual({
        error: 'internal error', message: 'the server failed on this request; its log has the details',
        diagnostics: [expect.objectContaining({ message: 'the server failed on this request; its log has the details' })],
      });
      expect(res.text).not.toContain('disk on fire');
      noStack(res.text);
    } finally {
      await broken.close();
    }
  });

  it('503 on a store route when the server has no store', async () => {
    const res = await get(`${server.url}/runs`);
    expect(res.status).toBe(503);
    expect(res.json.diagnostics[0].message).toContain('--db');
  });
});

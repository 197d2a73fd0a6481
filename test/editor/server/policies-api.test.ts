// Listing, reading and validating policies through the editor server.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, type Fixture } from './fixture.js';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(() => f.close());

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('GET /api/policies', () => {
  it('lists the policy files with id, name, version and validity', async () => {
    const { status, body } = await f.json('/api/policies');
    expect(status).toBe(200);
    expect(body.map((p: { file: string }) => p.file)).toEqual(['bonus-pool.yaml', 'instalments.yaml', 'piece-rate.yaml', 'postal-agency.yaml', 'private-line.yaml', 'rural-contract.yaml', 'service-center.yaml']);
    expect(body.find((p: { file: string }) => p.file === 'rural-contract.yaml')).toEqual({
      file: 'rural-contract.yaml', id: 'rural-contract', name: 'Contracted rural points', version: '1', valid: true,
    });
  });

  it('shows an invalid policy as not valid, with the header fields that still parse', async () => {
    f.writePolicy('broken-one.yaml', 'id: broken-one\nname: Broken\nversion: 3\nrules: 7\n');
    const { body } = await f.json('/api/policies');
    expect(body.find((p: { file: string }) => p.file === 'broken-one.yaml')).toEqual({ file: 'broken-one.yaml', id: 'broken-one', name: 'Broken', version: '3', valid: false });
  });
});

describe('GET /api/policies/:file/tests', () => {
  it('returns the test cases beside the policy, and 404 for a policy without them', async () => {
    const { status, body } = await f.json('/api/policies/rural-contract.yaml/tests');
    expect(status).toBe(200);
    expect(body).toEqual({ file: 'rural-contract.test.yaml', text: f.readPolicy('rural-contract.test.yaml') });
    f.writePolicy('untested.yaml', 'id: untested\n');
    const none = await f.json('/api/policies/untested.yaml/tests');
    expect(none.status).toBe(404);
    expect(none.body.message).toBe('no test cases for `untested.yaml` in `policies` (`untested.test.yaml`)');
    expect((await f.json('/api/policies/..%2Fpackage.json/tests')).status).toBe(400);
  });
});

describe('GET /api/policies/:file', () => {
  it('returns the text with its sha256 as version and ETag', async () => {
    const { status, body, headers } = await f.json('/api/policies/rural-contract.yaml');
    const text = f.readPolicy('rural-contract.yaml');
    expect(status).toBe(200);
    expect(body).toEqual({ file: 'rural-contract.yaml', text, version: sha256(text) });
    expect(headers.get('etag')).toBe(`"${sha256(text)}"`);
    const again = await f.get('/api/policies/rural-contract.yaml', { headers: { 'if-none-match': `"${sha256(text)}"` } });
    expect(again.status).toBe(304);
  });

  it('answers 404 with a json error for a file that does not exist', async () => {
    const { status, body } = await f.json('/api/policies/nope.yaml');
    expect(status).toBe(404);
    expect(body).toEqual({ error: 'not found', message: 'no policy `nope.yaml` in `policies`', diagnostics: [expect.objectContaining({ file: 'url', field: 'file', message: 'no policy `nope.yaml` in `policies`' })] });
  });

  it.each(['..%2Fpackage.json', '..%2F..%2Fetc%2Fpasswd.yaml', '%2e%2e%2fpolicy.schema.json', 'Rural.yaml', 'rural.yml', 'policy.schema.json', 'a%00.yaml', '.hidden.yaml'])(
    'refuses the file name %s with 400',
    async (name) => {
      const { status, body } = await f.json(`/api/policies/${name}`);
      expect(status).toBe(400);
      expect(body.error).toBe('invalid request params');
      expect(body.message).toMatch(/^bad policy file name `/);
      expect(body.diagnostics[0]).toMatchObject({ field: 'file', message: body.message });
    },
  );

  it.each(['/api/policies/../../package.json', '/api/policies/..%2F..%2Fpackage.json', '/api/policies/%2E%2E/package.json'])('never serves %s', async (path) => {
    const { status, text } = await f.raw(path);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(text).not.toContain('"name": "ratecard"');
  });
});

describe('POST /api/policies/:file/validate', () => {
  it('accepts a valid policy', async () => {
    const { status, body } = await f.send('POST', '/api/policies/rural-contract.yaml/validate', { text: f.readPolicy('rural-contract.yaml') });
    expect(status).toBe(200);
    expect(body).toEqual({ ok: true, diagnostics: [] });
  });

  it('reports located diagnostics for an invalid policy', async () => {
    const text = f.readPolicy('rural-contract.yaml').replace('price: maintenance_price, units', 'price: maintenance_prise, units');
    const line = text.split('\n').findIndex((l) => l.includes('maintenance_prise')) + 1;
    const { status, body } = await f.send('POST', '/api/policies/rural-contract.yaml/validate', { text });
    expect(status).toBe(200);
    expect(body.ok).toBe(false);
    const d = body.diagnostics.find((x: { message: string }) => x.message.includes('maintenance_prise'));
    expect(d).toMatchObject({ file: 'policies/rural-contract.yaml', line, severity: 'error' });
    expect(d.column).toBeGreaterThan(1);
    expect(d.field).toMatch(/^rules\[0\]\.amount/);
  });

  it('reports a yaml syntax error with its line', async () => {
    const { body } = await f.send('POST', '/api/policies/new-policy.yaml/validate', { text: 'id: x\nname: [unclosed\n' });
    expect(body.ok).toBe(false);
    expect(body.diagnostics[0]).toMatchObject({ file: 'policies/new-policy.yaml', severity: 'error' });
    expect(body.diagnostics[0].line).toBeGreaterThanOrEqual(2);
  });

  it('refuses a body without text, a body that is not json, and a non-json content type', async () => {
    expect(await f.send('POST', '/api/policies/rural-contract.yaml/validate', { txt: 'x' })).toMatchObject({
      status: 400, body: { error: 'invalid request body', message: 'missing field `text`', diagnostics: [expect.objectContaining({ file: 'body', line: 1, column: 1, field: 'text' })] },
    });
    const notJson = await f.get('/api/policies/rural-contract.yaml/validate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{\n  "text": nope}' });
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).diagnostics).toEqual([expect.objectContaining({ file: 'body', line: 2, column: 11, message: expect.stringMatching(/^not valid JSON/) })]);
    const form = await f.get('/api/policies/rural-contract.yaml/validate', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"text":"x"}' });
    expect(form.status).toBe(415);
  });
});

describe('api errors', () => {
  it('are json with a reason, a lowercase message and located diagnostics, never a stack trace', async () => {
    const unknown = await f.json('/api/nothing-here');
    expect(unknown).toMatchObject({ status: 404, body: { error: 'not found', message: 'no route `GET /api/nothing-here`' } });
    const wrongMethod = await f.get('/api/policies', { method: 'DELETE' });
    expect(wrongMethod.status).toBe(404);
    const body = await wrongMethod.json();
    expect(body.message).toBe('no route `DELETE /api/policies`');
    expect(JSON.stringify(body)).not.toMatch(/\n\s+at /);
  });

  it('refuses requests for another host name (dns rebinding)', async () => {
    expect((await f.raw('/api/policies', { host: 'evil.example' })).status).toBe(403);
    expect((await f.raw('/api/policies', { host: 'localhost:5174' })).status).toBe(200);
  });

  it('serves the policy schema for the editor', async () => {
    const { status, body } = await f.json('/api/schema');
    expect(status).toBe(200);
    expect(body.properties).toHaveProperty('rules');
    expect(body.properties).toHaveProperty('params');
  });
});

// Serving the built editor app: files with their content types and the single-page fallback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, type Fixture } from './fixture.js';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture({ withApp: true });
});
afterAll(() => f.close());

describe('static app', () => {
  it('serves index.html at the root', async () => {
    const res = await f.get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('<div id="root">');
  });

  it('serves assets with their content types, cached for good', async () => {
    const js = await f.get('/assets/index-abc123.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect(await js.text()).toBe('console.log("ratecard");');
    const font = await f.get('/assets/codicon-x1.ttf');
    expect(font.headers.get('content-type')).toBe('font/ttf');
    expect(new Uint8Array(await font.arrayBuffer())).toEqual(new Uint8Array([0, 1, 0, 0]));
  });

  it('falls back to index.html for app routes, not for missing files', async () => {
    const page = await f.get('/policies/rural-contract/history');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const deep = await f.get('/edit/rural-contract');
    expect(deep.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect((await f.get('/assets/missing-123.js')).status).toBe(404);
  });

  it('finds hashed assets asked for relative to a deep link', async () => {
    const res = await f.get('/edit/rural-contract/assets/index-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
  });

  it.each(['/../policies/rural-contract.yaml', '/..%2F..%2Fpolicies%2Frural-contract.yaml', '/%2e%2e/%2e%2e/package.json', '/assets/..%2F..%2F..%2Fpackage.json'])(
    'never serves %s from outside the static folder',
    async (path) => {
      const { text } = await f.raw(path);
      expect(text).not.toContain('id: rural-contract');
      expect(text).not.toContain('"name": "ratecard"');
    },
  );
});

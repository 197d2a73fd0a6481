// One server (issue 14, point 1): the editor's API, its app and the service on one port, in one
// OpenAPI document, with one error shape; saves need the token or the session the editor page
// hands out; requests from another origin or for another host are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, type Fixture } from './fixture.js';

let f: Fixture;
beforeAll(async () => { f = await startFixture({ withApp: true }); });
afterAll(() => f.close());

const FILE = 'postal-agency.yaml';
const put = (init: { headers?: Record<string, string>; body: object }) =>
  f.get(`/api/policies/${FILE}`, { method: 'PUT', headers: { 'content-type': 'application/json', ...init.headers }, body: JSON.stringify(init.body) });

async function edit(suffix: string) {
  const { text, version } = (await f.json(`/api/policies/${FILE}`)).body;
  return { text: `${text}# ${suffix}\n`, baseVersion: version, author: 'li.wei', message: suffix };
}

describe('one server', () => {
  it('answers the service and the editor API on the same port', async () => {
    expect((await f.json('/health')).body).toEqual({ status: 'ok', store: 'none', writes: 'token' });
    expect((await f.json('/policies')).body.policies.map((p: { id: string }) => p.id)).toContain('postal-agency');
    expect((await f.json('/api/policies')).body.map((p: { file: string }) => p.file)).toContain(FILE);
    expect((await f.get('/')).headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('describes the editor API in the same OpenAPI document', async () => {
    const doc = (await f.json('/docs/json')).body;
    const routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes).toEqual(expect.arrayContaining([
      'POST /simulate', 'POST /settle', 'GET /api/policies', 'GET /api/policies/{file}', 'PUT /api/policies/{file}', 'POST /api/policies/{file}/validate',
      'GET /api/policies/{file}/history', 'GET /api/policies/{file}/history/{version}', 'GET /api/policies/{file}/diff',
      'GET /api/datasets', 'GET /api/datasets/{name}/{table}', 'GET /api/schema',
    ]));
    expect(doc.paths['/api/policies/{file}'].put.security).toEqual([{ bearer: [] }, { session: [] }]);
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie' });
  });
});

describe('writes', () => {
  it('refuse a save without the token or a session', async () => {
    const res = await put({ body: await edit('no token') });
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.message).toMatch(/^missing `Authorization: Bearer <token>` or an editor session \(open the editor page first\)/);
    expect(body.diagnostics[0]).toMatchObject({ file: 'headers', field: 'authorization' });
  });

  it('accept the session cookie the editor page hands out (HttpOnly, SameSite=Strict, per port)', async () => {
    const page = await f.get('/');
    const cookie = page.headers.get('set-cookie') ?? '';
    const port = new URL(f.server.url).port;
    expect(cookie).toMatch(new RegExp(`^ratecard_session_${port}=[0-9a-f]{64}; Path=/; HttpOnly; SameSite=Strict$`));
    const session = cookie.split(';')[0];
    const saved = await put({ headers: { cookie: session }, body: await edit('with the session') });
    expect(saved.status).toBe(200);
    const forged = await put({ headers: { cookie: `ratecard_session_${port}=${'0'.repeat(64)}` }, body: await edit('forged') });
    expect(forged.status).toBe(401);
    expect((await forged.json()).message).toBe('the editor session is not this server\'s (it was restarted): reload the page');
  });

  it('refuse requests from another origin, reads and writes alike', async () => {
    const session = ((await f.get('/')).headers.get('set-cookie') ?? '').split(';')[0];
    const res = await put({ headers: { cookie: session, origin: 'http://evil.example' }, body: await edit('cross-site') });
    expect(res.status).toBe(403);
    expect((await res.json()).diagnostics[0]).toMatchObject({ file: 'headers', field: 'origin', message: 'requests from origin `http://evil.example` are refused: only pages served by this server may call it' });
    expect((await f.get('/api/policies', { headers: { origin: 'http://localhost:1' } })).status).toBe(403);
    const same = new URL(f.server.url).origin;
    expect((await put({ headers: { cookie: session, origin: same }, body: await edit('same origin') })).status).toBe(200);
  });

  it('refuse other host names on loopback (DNS rebinding), for the app too', async () => {
    expect((await f.raw('/', { host: 'rebind.example:5174' })).status).toBe(403);
    expect((await f.raw('/health', { host: 'localhost' })).status).toBe(200);
  });
});

describe('an editor bound to another address than loopback', () => {
  it('gives the page no session; `/?token=` does, and sends the page on without the token', async () => {
    const { buildServer } = await import('../../../server/build-server.js');
    const app = await buildServer({ token: 'open-sesame', loopback: false, editor: { root: f.root, appDir: f.path('dist/editor-app') } });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    try {
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('set-cookie')).toBeNull();
      const wrong = await fetch(`${url}/?token=guess`, { redirect: 'manual' });
      expect(wrong.status).toBe(401);
      expect((await wrong.json()).diagnostics[0]).toMatchObject({ file: 'query', field: 'token' });
      const login = await fetch(`${url}/?token=open-sesame`, { redirect: 'manual' });
      expect(login.status).toBe(303);
      expect(login.headers.get('location')).toBe('/');
      const session = (login.headers.get('set-cookie') ?? '').split(';')[0];
      expect(session).toMatch(/^ratecard_session_\d+=[0-9a-f]{64}$/);
      const { text, version } = await (await fetch(`${url}/api/policies/${FILE}`)).json();
      const save = (headers: Record<string, string>) => fetch(`${url}/api/policies/${FILE}`, {
        method: 'PUT', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ text: `${text}# remote\n`, baseVersion: version, author: 'li.wei', message: 'remote' }),
      });
      expect((await save({})).status).toBe(401);
      expect((await save({ cookie: session })).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});

// The OpenAPI description at /docs/json lists every route and is self-contained; /docs serves
// the swagger UI from bundled files (no CDN).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SettlementBook } from '../../store/settlement-book.js';
import { get, listening, post, type Running, scenarioDataset } from './serve-for-test.js';

type AjvLike = { addSchema(s: object): void; compile(s: object): ((data: unknown) => boolean) & { errors?: unknown } };
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as new (o: object) => AjvLike;
const DOC_ID = 'https://ratecard.test/openapi.json';

let server: Running;
beforeAll(async () => { server = await listening(); });
afterAll(() => server.close());

describe('OpenAPI', () => {
  it('/docs/json is OpenAPI 3.1 listing every route', async () => {
    const res = await get(`${server.url}/docs/json`);
    expect(res.status).toBe(200);
    const doc = res.json;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'Ratecard', version: expect.any(String) });
    const routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes).toEqual(expect.arrayContaining([
      'GET /health', 'GET /policies', 'POST /validate', 'POST /simulate', 'POST /explain', 'POST /diff', 'POST /settle', 'POST /periods/close',
      'GET /runs', 'GET /runs/{id}', 'GET /statements/{policyId}', 'GET /statements/{policyId}.csv',
    ]));
    expect(doc.paths['/settle'].post.security).toEqual([{ bearer: [] }, { session: [] }]);
    expect(doc.paths['/settle'].post.responses['401'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/error' });
    expect(doc.paths['/simulate'].post.responses['422'].description).toMatch(/located diagnostics/);
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, { responses?: unknown }>>)) {
      for (const op of Object.values(ops)) expect(op.responses, path).toBeDefined();
    }
  });

  it('every $ref points inside the document; the policy schema is a component', async () => {
    const doc = (await get(`${server.url}/docs/json`)).json;
    const refs: string[] = [];
    JSON.stringify(doc, (key, value) => { if (key === '$ref') refs.push(value); return value; });
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\//);
      const target = ref.slice(2).split('/').reduce((node: any, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
      expect(target, ref).toBeTypeOf('object');
    }
    expect(doc.components.schemas.policy.required).toEqual(['id', 'name', 'version', 'applies_to', 'rules']);
    const simulate = doc.paths['/simulate'].post.requestBody.content['application/json'].schema;
    expect(simulate.required).toEqual(['policy', 'dataset']);
  });

  it('/docs serves the UI from local files', async () => {
    const page = await get(`${server.url}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      expect(asset).toMatch(/^\/docs\//);
      const res = await fetch(`${server.url}${asset}`);
      expect(res.status, asset).toBe(200);
      expect((await res.arrayBuffer()).byteLength, asset).toBeGreaterThan(0);
    }
  });
});

describe('answers match the documented response schemas', () => {
  it('for every route, success and errors alike', async () => {
    const book = SettlementBook.open(join(mkdtempSync(join(tmpdir(), 'ratecard-openapi-')), 'book.db'));
    const store = await listening({ token: 't', book });
    try {
      const doc = (await get(`${store.url}/docs/json`)).json;
      const ajv = new Ajv2020({ strict: false });
      ajv.addSchema({ ...doc, $id: DOC_ID });
      const check = (method: string, path: string, res: { status: number; json: unknown }) => {
        const documented = doc.paths[path][method].responses[String(res.status)];
        expect(documented, `${method} ${path} ${res.status} is documented`).toBeDefined();
        const schema = documented.content?.['application/json']?.schema;
        if (!schema) return;
        const validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${DOC_ID}#/components/`)));
        expect(validate(res.json), `${method} ${path} ${res.status}: ${JSON.stringify(validate.errors)}`).toBe(true);
      };
      const auth = { authorization: 'Bearer t' };
      const body = { policy: { id: 'service-center' }, dataset: scenarioDataset('service-center'), from: '2025-01', to: '2025-03' };
      check('post', '/simulate', await post(`${store.url}/simulate`, { policy: body.policy, dataset: body.dataset }));
      check('post', '/simulate', await post(`${store.url}/simulate`, { policy: body.policy }));
      check('post', '/simulate', await post(`${store.url}/simulate`, { policy: { text: 'id: [' }, dataset: body.dataset }));
      check('post', '/settle', await post(`${store.url}/settle`, body));
      const settled = await post(`${store.url}/settle`, body, auth);
      check('post', '/settle', settled);
      check('get', '/runs', await get(`${store.url}/runs`));
      check('get', '/runs/{id}', await get(`${store.url}/runs/${settled.json.run.id}`));
      check('get', '/runs/{id}', await get(`${store.url}/runs/nope`));
      check('post', '/periods/close', await post(`${store.url}/periods/close`, { policyId: 'service-center', period: '2025-01' }, auth));
      check('post', '/periods/close', await post(`${store.url}/periods/close`, { policyId: 'service-center', period: '2025-01' }, auth));
      check('get', '/statements/{policyId}', await get(`${store.url}/statements/service-center`));
      check('get', '/statements/{policyId}', await get(`${store.url}/statements/service-center?from=2025`));
      check('post', '/explain', await post(`${store.url}/explain`, { ...body, from: undefined, to: undefined, payee: 'nobody', period: '2025-01' }));
    } finally {
      await store.close();
      book.shutdown();
    }
  });
});

// The policy registry's routes over a real listening server, on SQLite (a synchronous book
// handed in) and PostgreSQL (the asynchronous book): submit with the impact measured, refuse
// self-approval (403, located), approve, the queue, transitions; POST /settle refuses a version
// not approved (the store's rule); a year with an amendment approved mid-year posts each month
// under the version in force; the routes are in the OpenAPI document.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Book } from '../../server/book.js';
import { AsyncSettlementBook } from '../../store/async-book.js';
import { SettlementBook } from '../../store/settlement-book.js';
import { BACKENDS } from '../store/backends.js';
import { V1, V2, V3 } from '../store/policies/amendment.js';
import { get, listening, post, type Running, scenarioDataset } from './serve-for-test.js';

const TOKEN = 'approvals-token-0123';
const auth = { authorization: `Bearer ${TOKEN}` };
const dataset = scenarioDataset('rural-contract');
const submit = (source: typeof V1, by: string, why: string) => ({ policy: { file: source.file, text: source.text }, by, why, dataset });

const stores = BACKENDS.map((b) => ({
  kind: b.kind,
  open: async (): Promise<{ book: Book & { shutdown(): unknown }; where: string }> => {
    if (b.kind === 'sqlite') return { book: SettlementBook.open(join(mkdtempSync(join(tmpdir(), 'ratecard-approvals-')), 'book.db')), where: 'book.db' };
    const db = b.fresh();
    return { book: (await AsyncSettlementBook.open(db)) as unknown as Book, where: b.label(db) };
  },
}));

const running: { server: Running; book: { shutdown(): unknown } }[] = [];
afterAll(async () => {
  for (const { server, book } of running.splice(0)) { await server.close(); await book.shutdown(); }
});

async function serve(open: (typeof stores)[number]['open']) {
  const { book, where } = await open();
  const server = await listening({ token: TOKEN, book });
  running.push({ server, book });
  return { url: server.url, where };
}

describe.each(stores)('the approval routes on $kind', ({ open }) => {
  it('submit, refuse self-approval, approve, queue, and post a year with an amendment approved mid-year', async () => {
    const { url, where } = await serve(open);
    expect((await post(`${url}/policy-versions`, submit(V1, 'ana', '2025'))).status).toBe(401);
    const first = await post(`${url}/policy-versions`, submit(V1, 'ana', 'the 2025 policy'), auth);
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ policyId: 'rural-contract', version: '1', state: 'submitted', submittedBy: 'ana', impact: { measuredBy: 'engine', against: null, from: '2025-01', to: '2025-12' } });
    expect(first.json.source).toBeUndefined();

    const self = await post(`${url}/policy-versions/rural-contract/1/approve`, { by: 'ana', why: 'fine' }, auth);
    expect(self.status).toBe(403);
    expect(self.json.diagnostics).toEqual([expect.objectContaining({ file: where, line: 1, column: 1, field: 'by', message: '`ana` cannot approve `rural-contract@1`: they wrote it, and a version is approved by someone else' })]);
    expect((await post(`${url}/policy-versions/rural-contract/1/approve`, { by: 'bo', why: 'checked' }, auth)).json).toMatchObject({ state: 'approved', decidedBy: 'bo' });

    expect((await post(`${url}/policy-versions`, submit(V2, 'ana', 'step rate 3 % from July'), auth)).json).toMatchObject({ state: 'submitted', effectiveFrom: '2025-07', impact: { against: '1' } });
    const queue = await get(`${url}/policy-versions?state=submitted`);
    expect(queue.json.versions.map((v: { version: string; submittedBy: string }) => `${v.version} ${v.submittedBy}`)).toEqual(['2 ana']);

    // POST /settle of the amendment's text before its approval: the store refuses it
    const early = await post(`${url}/settle`, { policy: { file: V2.file, text: V2.text }, dataset, from: '2025-07', to: '2025-07' }, auth);
    expect(early.status).toBe(409);
    expect(early.json.diagnostics[0]).toMatchObject({ file: 'rural-contract-v2.yaml', line: 6, field: 'version', code: 'not-approved' });
    const early2 = await post(`${url}/policy-versions/rural-contract/settle`, { dataset, from: '2025-01', to: '2025-12' }, auth);
    expect(early2.json.runs.map((r: { policyVersion: string; from: string; to: string }) => `${r.policyVersion} ${r.from} ${r.to}`)).toEqual(['1 2025-01 2025-12']);

    expect((await post(`${url}/policy-versions/rural-contract/2/approve`, { by: 'bo', why: 'agreed' }, auth)).status).toBe(200);
    const year = await post(`${url}/policy-versions/rural-contract/settle`, { dataset, from: '2025-01', to: '2025-12', startedBy: 'clerk' }, auth);
    expect(year.status).toBe(201);
    expect(year.json.runs.map((r: { policyVersion: string; from: string; to: string }) => `${r.policyVersion} ${r.from} ${r.to}`)).toEqual(['1 2025-01 2025-06', '2 2025-07 2025-12']);
    const runs = new Map((await get(`${url}/runs`)).json.runs.map((r: { id: string; policyVersion: string }) => [r.id, r.policyVersion]));
    const lines = (await get(`${url}/statements/rural-contract?payee=R02`)).json.lines as { period: string; line: string; amount: string; runId: string }[];
    expect(lines.filter((l) => l.line === 'under_completion').slice(0, 5).map((l) => `${l.period} ${l.amount} v${runs.get(l.runId)}`)).toEqual([
      '2025-01 -905.38 v1', '2025-02 -791.40 v1', '2025-03 -661.65 v1', '2025-07 -1542.56 v2', '2025-08 -1711.05 v2',
    ]);

    const shown = await get(`${url}/policy-versions/rural-contract/2`);
    expect(shown.json.version.source).toBe(V2.text);
    expect(shown.json.transitions.map((t: { from: string | null; to: string; by: string; why: string }) => `${t.from} → ${t.to} ${t.by}: ${t.why}`)).toEqual([
      'null → draft ana: step rate 3 % from July', 'draft → submitted ana: step rate 3 % from July', 'submitted → approved bo: agreed',
    ]);
  });

  it('answers 409 for a decision in the wrong state, 404 for an unknown version, 400 for a bad body', async () => {
    const { url } = await serve(open);
    await post(`${url}/policy-versions`, submit(V3, 'cy', 'October'), auth);
    expect((await post(`${url}/policy-versions/rural-contract/3/reject`, { by: 'bo', why: 'too steep' }, auth)).json.state).toBe('rejected');
    const again = await post(`${url}/policy-versions/rural-contract/3/approve`, { by: 'bo', why: 'x' }, auth);
    expect(again.status).toBe(409);
    expect(again.json.message).toBe('`rural-contract@3` is rejected: only a submitted version can be approved');
    const taken = await post(`${url}/policy-versions`, submit({ ...V3, text: V3.text.replace('0.04', '0.05') }, 'cy', 'again'), auth);
    expect(taken.status).toBe(409);
    expect((await get(`${url}/policy-versions/rural-contract/9`)).status).toBe(404);
    expect((await post(`${url}/policy-versions/rural-contract/3/withdraw`, { by: 'cy' }, auth)).json.diagnostics[0]).toMatchObject({ file: 'body', field: 'why', message: 'missing field `why`' });
    expect((await get(`${url}/policy-versions?state=pending`)).status).toBe(400);
  });
});

describe('the approval routes in the OpenAPI document', () => {
  it('are listed with their schemas and write security', async () => {
    const server = await listening();
    try {
      const doc = (await get(`${server.url}/docs/json`)).json;
      const routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
      expect(routes).toEqual(expect.arrayContaining([
        'GET /policy-versions', 'POST /policy-versions', 'GET /policy-versions/{policyId}/{version}', 'POST /policy-versions/{policyId}/{version}/approve',
        'POST /policy-versions/{policyId}/{version}/reject', 'POST /policy-versions/{policyId}/{version}/withdraw', 'POST /policy-versions/{policyId}/settle',
      ]));
      expect(doc.paths['/policy-versions/{policyId}/{version}/approve'].post.security).toEqual([{ bearer: [] }, { session: [] }]);
      expect(doc.components.schemas['policy-version'].properties.state.enum).toEqual(['draft', 'submitted', 'approved', 'rejected', 'withdrawn']);
    } finally {
      await server.close();
    }
  });
});

describe('POST /settle in a worker thread', () => {
  it('refuses an unapproved version there too: the store enforces it on every path', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'ratecard-approvals-worker-')), 'book.db');
    const book = SettlementBook.open(dbPath);
    const server = await listening({ token: TOKEN, book, db: dbPath });
    running.push({ server, book });
    await post(`${server.url}/policy-versions`, submit(V1, 'ana', '2025'), auth);
    const waiting = await post(`${server.url}/settle`, { policy: { file: V1.file, text: V1.text }, dataset, from: '2025-01', to: '2025-01' }, auth);
    expect(waiting.status).toBe(409);
    expect(waiting.json.diagnostics[0]).toMatchObject({ file: 'rural-contract.yaml', line: 6, field: 'version', code: 'not-approved' });
    await post(`${server.url}/policy-versions/rural-contract/1/approve`, { by: 'bo', why: 'ok' }, auth);
    const approved = await post(`${server.url}/settle`, { policy: { file: V1.file, text: V1.text }, dataset, from: '2025-01', to: '2025-01' }, auth);
    expect(approved.status).toBe(201);
    expect(approved.json.run).toMatchObject({ policyVersion: '1', from: '2025-01' });
  });
});

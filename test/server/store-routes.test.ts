// The settlement-store routes over a real listening server and a real book, on SQLite and on
// PostgreSQL (test/store/backends.ts): settle (with the token, in a worker thread with its own
// connection), runs, close, settle again with changed facts (adjustments), statements and CSV.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Exact } from '../../engine/index.js';
import { BACKENDS, openBook } from '../store/backends.js';
import { get, listening, post, type Running, scenarioDataset } from './serve-for-test.js';

const TOKEN = 'test-token-0123';
const auth = { authorization: `Bearer ${TOKEN}` };
describe.each(BACKENDS.map((b) => [b.kind, b] as const))('on %s', (_kind, backend) => {
  let server: Running;
  let db: string;

  beforeAll(async () => {
    const opened = await openBook(backend);
    db = opened.db;
    server = await listening({ token: TOKEN, book: opened.book, db });
  });
  afterAll(async () => {
    await server.close();
  });

  const rural = (from: string, to: string, facts?: string) => {
    const dataset = scenarioDataset('rural-contract');
    if (facts) dataset.facts.text = facts;
    return { policy: { id: 'rural-contract' }, dataset, from, to, startedBy: 'store-routes test' };
  };
  const sum = (lines: { amount: string }[]) => lines.reduce((s, l) => s.add(Exact.parse(l.amount)), Exact.ZERO).toFixed(2);

  describe('settle, runs, close, settle again', () => {
    let firstRun: { id: string; totals: { total: string } };

    it('settle posts a run whose totals equal a simulation of the same range', async () => {
      const res = await post(`${server.url}/settle`, rural('2025-01', '2025-03'), auth);
      expect(res.status).toBe(201);
      const { startedBy: _who, ...simulation } = rural('2025-01', '2025-03');
      const simulated = await post(`${server.url}/simulate`, simulation);
      expect(simulated.status).toBe(200);
      expect(res.json.run).toMatchObject({ policyId: 'rural-contract', from: '2025-01', to: '2025-03', startedBy: 'store-routes test' });
      expect(res.json.run.totals).toEqual(simulated.json.totals);
      expect(res.json.lines).toHaveLength(simulated.json.lines.length);
      expect(res.json.lines[0].trace).toBeUndefined();
      expect(res.json.adjustments).toEqual([]);
      firstRun = res.json.run;
    });

    it('lists runs, reads one, and answers 404 for an unknown run', async () => {
      const runs = await get(`${server.url}/runs`);
      expect(runs.status).toBe(200);
      expect(runs.json.runs.map((r: { id: string }) => r.id)).toContain(firstRun.id);
      expect((await get(`${server.url}/runs?policyId=service-center`)).json.runs).toEqual([]);
      const one = await get(`${server.url}/runs/${encodeURIComponent(firstRun.id)}`);
      expect(one.status).toBe(200);
      expect(one.json).toEqual(firstRun);
      const missing = await get(`${server.url}/runs/no-such-run`);
      expect(missing.status).toBe(404);
      expect(missing.json.diagnostics[0]).toMatchObject({ field: 'id', message: 'no run `no-such-run`' });
    });

    it('closes periods in order; closing twice or an unsettled period is a conflict', async () => {
      for (const period of ['2025-01', '2025-02']) {
        const res = await post(`${server.url}/periods/close`, { policyId: 'rural-contract', period, closedBy: 'lead' }, auth);
        expect(res.status).toBe(200);
        expect(res.json.closed).toContain(period);
      }
      const again = await post(`${server.url}/periods/close`, { policyId: 'rural-contract', period: '2025-02' }, auth);
      expect(again.status).toBe(409);
      expect(again.json.diagnostics[0].message).toContain('already closed');
      // The store names itself by its file; answers never carry the server's absolute path to it.
      expect(again.json.diagnostics[0].file).toBe(backend.label(db));
      expect(again.text).not.toContain(tmpdir());
      const unsettled = await post(`${server.url}/periods/close`, { policyId: 'rural-contract', period: '2025-09' }, auth);
      expect(unsettled.status).toBe(409);
    });

    it('settling closed periods again with changed facts posts adjustments in the first open period', async () => {
      const facts = readFileSync('data/scenarios/rural-contract/facts.csv', 'utf8').replace('2025-02,R01,66400,64275.2', '2025-02,R01,66400,54275.2');
      const res = await post(`${server.url}/settle`, rural('2025-01', '2025-04', facts), auth);
      expect(res.status).toBe(201);
      expect(res.json.adjustments.length).toBeGreaterThan(0);
      for (const a of res.json.adjustments) {
        expect(a).toMatchObject({ payeeId: 'R01', period: '2025-03', adjustment: true });
        expect(a.trace.adjusts.period).toBe('2025-02');
      }
      expect(res.json.run.adjustmentCount).toBe(res.json.adjustments.length);
    });

    it('a payee\'s statement has every posted line with its trace, adjustments included', async () => {
      const res = await get(`${server.url}/statements/rural-contract?payee=R01&from=2025-01&to=2025-04`);
      expect(res.status).toBe(200);
      expect(new Set(res.json.lines.map((l: { payeeId: string }) => l.payeeId))).toEqual(new Set(['R01']));
      expect(res.json.lines.every((l: { trace?: { rule: string } }) => typeof l.trace?.rule === 'string')).toBe(true);
      expect(res.json.lines.some((l: { adjustment: boolean; trace: { adjusts?: unknown } }) => l.adjustment && l.trace.adjusts)).toBe(true);
      expect(res.json.totals.total).toBe(sum(res.json.lines));
    });
  });

  describe('statements as CSV', () => {
    const expected = readFileSync('data/scenarios/postal-agency/expected.csv', 'utf8').trim().split('\n');
    const periods = expected.slice(1).map((r) => r.split(',')[0]).sort();

    beforeAll(async () => {
      const res = await post(`${server.url}/settle`, { policy: { id: 'postal-agency' }, dataset: scenarioDataset('postal-agency'), from: periods[0], to: periods.at(-1) }, auth);
      expect(res.status).toBe(201);
    });

    it('/statements/:policyId.csv has exactly the expected rows', async () => {
      const res = await fetch(`${server.url}/statements/postal-agency.csv`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      const [header, ...rows] = (await res.text()).trim().split('\n');
      const columns = header.split(',');
      const wanted = expected[0].split(',');
      expect(columns).toEqual(expect.arrayContaining(wanted));
      const project = (row: string) => { const cells = row.split(','); return wanted.map((c) => cells[columns.indexOf(c)]).join(','); };
      expect(rows.map(project).sort()).toEqual(expected.slice(1).sort());
    });

    it('?format=csv is the same text; JSON is the default', async () => {
      const res = await fetch(`${server.url}/statements/postal-agency.csv?payee=P02`);
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="postal-agency_P02.csv"');
      const a = await res.text();
      const odd = await fetch(`${server.url}/statements/postal-agency.csv?payee=${encodeURIComponent('P"02\r\nx')}`);
      expect(odd.status).toBe(200);
      expect(odd.headers.get('content-disposition')).toBe('attachment; filename="postal-agency_P_02__x.csv"');
      await odd.text();
      const b = await (await fetch(`${server.url}/statements/postal-agency?payee=P02&format=csv`)).text();
      expect(b).toBe(a);
      expect(a.split('\n').length).toBeGreaterThan(2);
      const json = await get(`${server.url}/statements/postal-agency?payee=P02`);
      expect(json.json.lines.length).toBe(a.trim().split('\n').length - 1);
    });

    it('pages the JSON statement: limit and offset, the totals of every line, the next offset', async () => {
      const all = (await get(`${server.url}/statements/postal-agency`)).json;
      expect(all.page).toEqual({ offset: 0, limit: 10_000, total: all.lines.length, nextOffset: null });
      const ids: string[] = [];
      let offset: number | null = 0;
      while (offset !== null) {
        const page: any = (await get(`${server.url}/statements/postal-agency?limit=7&offset=${offset}`)).json;
        expect(page.lines.length).toBeLessThanOrEqual(7);
        expect(page.totals).toEqual(all.totals);
        ids.push(...page.lines.map((l: { id: string }) => l.id));
        offset = page.page.nextOffset;
      }
      expect(ids).toEqual(all.lines.map((l: { id: string }) => l.id));
      const bad = await get(`${server.url}/statements/postal-agency?limit=0`);
      expect(bad.status).toBe(400);
      expect(bad.json.diagnostics[0]).toMatchObject({ file: 'query', field: 'limit' });
    });

    it('404 for a policy with no runs', async () => {
      const res = await get(`${server.url}/statements/service-center`);
      expect(res.status).toBe(404);
      expect(res.json.diagnostics[0].message).toContain('`service-center`');
    });
  });

  describe('health with a store', () => {
    it('says the store is open and writes need the token', async () => {
      expect((await get(`${server.url}/health`)).json).toEqual({ status: 'ok', store: 'open', writes: 'token' });
    });
  });
});

// POST /settle in a worker thread (issue 14, point 2), on SQLite and on PostgreSQL: with the
// store's address known, the thread opens its own connection, settles and posts; the server's own
// connection reads what it posted. Writes run one at a time, so concurrent settles and closes never
// fail as busy.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, openBook } from '../store/backends.js';
import { get, listening, post, type Running, scenarioDataset } from './serve-for-test.js';

const auth = { authorization: 'Bearer w' };
describe.each(BACKENDS.map((b) => [b.kind, b] as const))('on %s', (_kind, backend) => {
  let server: Running;
  beforeAll(async () => {
    const { book, db } = await openBook(backend);
    server = await listening({ token: 'w', book, db });
  });
  afterAll(async () => {
    await server.close();
  });

  const rural = (from: string, to: string, facts?: string) => ({
    policy: { id: 'rural-contract' }, from, to,
    dataset: { ...scenarioDataset('rural-contract'), ...(facts ? { facts: { file: 'facts.csv', text: facts } } : {}) },
  });

  describe('settle in a worker thread', () => {
    it('posts a run the server reads back, the same lines as a settle on the main thread', async () => {
      const res = await post(`${server.url}/settle`, rural('2025-01', '2025-03'), auth);
      expect(res.status).toBe(201);
      expect(res.json.run).toMatchObject({ policyId: 'rural-contract', from: '2025-01', to: '2025-03', startedBy: 'api' });
      const statement = await get(`${server.url}/statements/rural-contract`);
      expect(statement.json.lines.map((l: { id: string }) => l.id)).toEqual(res.json.lines.map((l: { id: string }) => l.id));

      // the same settle on the main thread, over a book handed in without its address
      const { book: elsewhere } = await openBook(backend);
      const main = await listening({ token: 'w', book: elsewhere });
      try {
        const same = await post(`${main.url}/settle`, rural('2025-01', '2025-03'), auth);
        const amounts = (lines: { id: string; amount: string }[]) => lines.map((l) => `${l.id} ${l.amount}`);
        expect(amounts(same.json.lines)).toEqual(amounts(res.json.lines));
      } finally {
        await main.close();
      }
    });

    it('answers a data problem 422 with its located diagnostics', async () => {
      const facts = readFileSync('data/scenarios/rural-contract/facts.csv', 'utf8').replace(/^(2025-01,R01,\d+,)[\d.]+/m, '$187x16');
      const res = await post(`${server.url}/settle`, rural('2025-01', '2025-01', facts), auth);
      expect(res.status).toBe(422);
      expect(res.json.diagnostics[0]).toMatchObject({ file: 'facts.csv', field: 'revenue_actual', message: expect.stringContaining('`87x16`') });
    });

    it('runs concurrent settles and closes one after another, none failing as busy', async () => {
      const answers = await Promise.all([
        post(`${server.url}/settle`, rural('2025-01', '2025-04'), auth),
        post(`${server.url}/periods/close`, { policyId: 'rural-contract', period: '2025-01' }, auth),
        post(`${server.url}/settle`, rural('2025-01', '2025-05'), auth),
        post(`${server.url}/periods/close`, { policyId: 'rural-contract', period: '2025-02' }, auth),
      ]);
      expect(answers.map((a) => a.status)).toEqual([201, 200, 201, 200]);
      expect((await get(`${server.url}/runs?policyId=rural-contract`)).json.runs.map((r: { to: string }) => r.to)).toEqual(['2025-03', '2025-04', '2025-05']);
    });
  });
});

// The sample datasets the editor previews a policy over.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, type Fixture } from './fixture.js';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(() => f.close());

describe('datasets', () => {
  it('lists each scenario folder with its tables and policy', async () => {
    const { status, body } = await f.json('/api/datasets');
    expect(status).toBe(200);
    expect(body).toEqual([
      { name: 'bonus-pool', tables: ['payees', 'facts', 'expected'], policy: 'bonus-pool.yaml' },
      { name: 'instalments', tables: ['payees', 'facts', 'transactions', 'expected'], policy: 'instalments.yaml' },
      { name: 'piece-rate', tables: ['payees', 'facts', 'expected'], policy: 'piece-rate.yaml' },
      { name: 'postal-agency', tables: ['payees', 'facts', 'expected'], policy: 'postal-agency.yaml' },
      { name: 'private-line', tables: ['payees', 'facts', 'transactions', 'expected'], policy: 'private-line.yaml' },
      { name: 'rural-contract', tables: ['payees', 'facts', 'expected'], policy: 'rural-contract.yaml' },
      { name: 'service-center', tables: ['payees', 'facts', 'expected'], policy: 'service-center.yaml' },
    ]);
  });

  it('returns a table as csv text', async () => {
    const res = await f.get('/api/datasets/rural-contract/facts');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await res.text()).toBe(readFileSync(f.path('data/scenarios/rural-contract/facts.csv'), 'utf8'));
    expect((await f.get('/api/datasets/rural-contract/payees.csv')).status).toBe(200);
  });

  it('returns one byte range of the UTF-8 text, the whole text for several ranges, 416 outside it', async () => {
    const whole = Buffer.from(readFileSync(f.path('data/scenarios/rural-contract/payees.csv'), 'utf8'), 'utf8');
    const get = (range: string) => f.get('/api/datasets/rural-contract/payees', { headers: { range } });
    const ranged = await get('bytes=10-29');
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe(`bytes 10-29/${whole.length}`);
    expect(Buffer.from(await ranged.arrayBuffer())).toEqual(whole.subarray(10, 30));
    const tail = await get('bytes=-5');
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(whole.subarray(whole.length - 5));
    const several = await get('bytes=0-1,50-60');
    expect(several.status).toBe(200);
    expect(several.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await several.arrayBuffer())).toEqual(whole);
    const outside = await get(`bytes=${whole.length + 10}-${whole.length + 20}`);
    expect(outside.status).toBe(416);
    expect(outside.headers.get('content-range')).toBe(`bytes */${whole.length}`);
  });

  it('answers 404 for an unknown table or dataset and 400 for a bad name', async () => {
    expect(await f.json('/api/datasets/rural-contract/transactions')).toMatchObject({
      status: 404, body: { error: 'not found', message: 'no table `transactions` in dataset `rural-contract`' },
    });
    expect((await f.json('/api/datasets/nope/facts')).status).toBe(404);
    expect((await f.json('/api/datasets/..%2F..%2Fpolicies/rural-contract')).status).toBe(400);
    expect((await f.json('/api/datasets/rural-contract/..%2F..%2F..%2Fpackage')).status).toBe(400);
  });
});

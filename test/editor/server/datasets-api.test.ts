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

  it('answers 404 for an unknown table or dataset and 400 for a bad name', async () => {
    expect(await f.json('/api/datasets/rural-contract/transactions')).toMatchObject({
      status: 404, body: { error: 'not found', message: 'no table `transactions` in dataset `rural-contract`' },
    });
    expect((await f.json('/api/datasets/nope/facts')).status).toBe(404);
    expect((await f.json('/api/datasets/..%2F..%2Fpolicies/rural-contract')).status).toBe(400);
    expect((await f.json('/api/datasets/rural-contract/..%2F..%2F..%2Fpackage')).status).toBe(400);
  });
});

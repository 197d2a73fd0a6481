// A project without policies or scenarios yet: empty lists, and the first save creates the folder.
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, type Fixture } from './fixture.js';

let f: Fixture;
let policy: string;
beforeAll(async () => {
  f = await startFixture();
  policy = f.readPolicy('rural-contract.yaml');
  rmSync(f.path('policies'), { recursive: true });
  rmSync(f.path('data'), { recursive: true });
});
afterAll(() => f.close());

describe('missing folders', () => {
  it('lists no policies and no datasets', async () => {
    expect(await f.json('/api/policies')).toMatchObject({ status: 200, body: [] });
    expect(await f.json('/api/datasets')).toMatchObject({ status: 200, body: [] });
  });

  it('creates the policies folder on the first save of a new policy', async () => {
    const { status } = await f.send('PUT', '/api/policies/rural-contract.yaml', { text: policy, baseVersion: null, author: 'li.wei', message: 'first policy' });
    expect(status).toBe(200);
    expect(readFileSync(f.path('policies/rural-contract.yaml'), 'utf8')).toBe(policy);
    const history = (await f.json('/api/policies/rural-contract.yaml/history')).body;
    expect(history.map((e: { message: string }) => e.message)).toEqual(['first policy']);
  });
});

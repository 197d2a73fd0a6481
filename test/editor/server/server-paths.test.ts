// No answer carries a path of the server's file system (issue 10, point 5): names the file
// system refuses (too long) are 400 with the name as given; messages name folders relative to
// the project.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, type Fixture } from './fixture.js';

let f: Fixture;
beforeAll(async () => { f = await startFixture(); });
afterAll(() => f.close());

describe('answers without server paths', () => {
  const long = `${'a'.repeat(300)}.yaml`;

  it.each([
    ['GET', `/api/policies/${long}`],
    ['GET', `/api/policies/${long}/history`],
    ['PUT', `/api/policies/${long}`],
    ['POST', `/api/policies/${long}/validate`],
    ['GET', `/api/datasets/${'d'.repeat(300)}/facts`],
    ['GET', `/api/datasets/rural-contract/${'t'.repeat(300)}`],
  ])('%s of a 300-character name is a 400 that quotes the name, not the path', async (method, path) => {
    const res = await f.get(path, { method, headers: { 'content-type': 'application/json' }, ...(method === 'GET' ? {} : { body: JSON.stringify({ text: 'x', author: 'a', message: 'm' }) }) });
    const text = await res.text();
    expect(res.status).toBe(400);
    expect(JSON.parse(text).message).toMatch(/^bad (policy file|dataset|table) name `[a-z]{60}…`/);
    expect(text).not.toContain(f.root);
    expect(text).not.toContain('ENAMETOOLONG');
  });

  it('names the policies folder relative to the project in a 404', async () => {
    const res = await f.json('/api/policies/missing.yaml');
    expect(res.body.message).toBe('no policy `missing.yaml` in `policies`');
    expect(JSON.stringify(res.body)).not.toContain(f.root);
  });
});

// A save carries the impact the person saw (and confirmed above the threshold) before saving: the
// history keeps it with the version, so a version speaks money, not only YAML.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, type Fixture } from './fixture.js';

const FILE = 'service-center.yaml';
let f: Fixture;
beforeAll(async () => { f = await startFixture(); });
afterAll(() => f.close());

describe('history of a save with its impact', () => {
  it('records the impact the editor confirmed with the save, and lists it with the version', async () => {
    const current = (await f.json(`/api/policies/${FILE}`)).body;
    const impact = { delta: { total: '-1234.50', byKind: { commission: '-1234.50', deduction: '0', refund: '0', bonus: '0' } }, threshold: '10000', confirmed: false, changedLines: 3 };
    const text = current.text.replace(/^name: .*$/m, 'name: Service centers (revised)');
    const put = await f.send('PUT', `/api/policies/${FILE}`, { text, baseVersion: current.version, author: 'li.na', message: 'revised name', impact });
    expect(put.status).toBe(200);
    const { body } = await f.json(`/api/policies/${FILE}/history`);
    expect(body[0]).toMatchObject({ version: put.body.version, author: 'li.na', impact });
    expect(body[1].impact).toBeUndefined();
  });

  it('refuses an impact that is not an object, located in the body', async () => {
    const current = (await f.json(`/api/policies/${FILE}`)).body;
    const put = await f.send('PUT', `/api/policies/${FILE}`, { text: current.text, baseVersion: current.version, author: 'li.na', message: 'x', impact: 'big' });
    expect(put.status).toBe(400);
    expect(put.body.diagnostics[0]).toMatchObject({ field: 'impact' });
  });
});

// GET /verify recomputes the seals of closed periods, as `ratecard verify` does: 200 while the
// books match, 409 naming the first period that no longer matches once a closed line was changed
// behind the database's guards.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempBook, ruralRun } from '../store/book-fixture.js';
import { get, listening, type Running } from './serve-for-test.js';

describe('GET /verify', () => {
  const { book, file } = tempBook();
  let server: Running;
  beforeAll(async () => {
    for (const period of ['2025-01', '2025-02']) {
      book.run(ruralRun(period));
      book.close('rural-contract', period, 'tester');
    }
    server = await listening({ book });
  });
  afterAll(async () => { await server.close(); book.shutdown(); });

  it('verifies every closed period while nothing was changed', async () => {
    const res = await get(`${server.url}/verify?policyId=rural-contract`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ ok: true, verified: 2, heads: [{ policyId: 'rural-contract', period: '2025-02' }] });
  });

  it('names the first period that no longer matches once a closed line was changed behind the guards', async () => {
    const db = new Database(file);
    for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]) db.exec(`DROP TRIGGER "${name}"`);
    db.exec("UPDATE lines SET amount = '0.00' WHERE policy_id = 'rural-contract' AND period = '2025-01'");
    db.close();
    const res = await get(`${server.url}/verify?policyId=rural-contract`);
    expect(res.status).toBe(409);
    expect(res.json.diagnostics[0].message).toMatch(/^period `2025-01` of `rural-contract` no longer matches its seal: its lines were changed after it was closed/);
    expect(res.json.diagnostics[0].file).not.toMatch(/^\//);
  });
});

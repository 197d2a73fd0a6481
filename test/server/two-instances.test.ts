// Two `ratecard serve` processes on one PostgreSQL database (issue 14.4): settles and closes of the
// same months sent to both at once serialise on the policy's lock in the database. Every settle is
// posted exactly once (its run listed by both instances, its lines once), one close of a month wins
// and the other gets a located 409, and the statement is the simulated one, line for line.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../store/backends.js';
import { get, post, scenarioDataset } from './serve-for-test.js';
import { serve, stopped } from './serve-process.js';

const postgres = BACKENDS.find((b) => b.kind === 'postgres');
const TOKEN = 'two-instances';
const auth = { authorization: `Bearer ${TOKEN}` };
const rural = (from: string, to: string) => ({ policy: { id: 'rural-contract' }, dataset: scenarioDataset('rural-contract'), from, to });
const close = (period: string) => ({ policyId: 'rural-contract', period, closedBy: 'race' });

describe.skipIf(!postgres || !existsSync('dist/cli/commands/serve.js'))('two serve instances on one PostgreSQL', () => {
  const db = postgres?.fresh() ?? '';
  let a: Awaited<ReturnType<typeof serve>>, b: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    // both start at once: the store's migrations run once, under their advisory lock
    [a, b] = await Promise.all([serve(['--db', db], { RATECARD_TOKEN: TOKEN }), serve(['--db', db], { RATECARD_TOKEN: TOKEN })]);
  });
  afterAll(async () => {
    expect(await Promise.all([stopped(a.child), stopped(b.child)])).toEqual([0, 0]);
  });

  it('serialises concurrent settles and closes of the same months: nothing lost, nothing posted twice', async () => {
    const settles = [
      post(`${a.url}/settle`, rural('2025-01', '2025-03'), auth),
      post(`${b.url}/settle`, rural('2025-01', '2025-03'), auth),
      post(`${a.url}/settle`, rural('2025-01', '2025-02'), auth),
      post(`${b.url}/settle`, rural('2025-02', '2025-03'), auth),
    ];
    const settled = await Promise.all(settles);
    expect(settled.map((s) => s.status)).toEqual([201, 201, 201, 201]);
    const ids = settled.map((s) => s.json.run.id as string);
    expect(new Set(ids).size).toBe(4);

    // the same month closed from both instances, while both settle it again
    const race = await Promise.all([
      post(`${a.url}/periods/close`, close('2025-01'), auth),
      post(`${b.url}/periods/close`, close('2025-01'), auth),
      post(`${a.url}/settle`, rural('2025-01', '2025-03'), auth),
      post(`${b.url}/settle`, rural('2025-01', '2025-03'), auth),
    ]);
    const closes = race.slice(0, 2);
    expect(closes.map((c) => c.status).sort()).toEqual([200, 409]);
    const loser = closes.find((c) => c.status === 409)!;
    expect(loser.json.diagnostics[0]).toMatchObject({ file: postgres!.label(db), line: 1, column: 1, message: expect.stringContaining('`2025-01` of `rural-contract` is already closed') });
    expect(loser.text).not.toContain('postgres://' + new URL(db).username + ':');
    // a settle after the close posts nothing into it: the month's lines stand as closed (no differences, no adjustments)
    for (const s of race.slice(2)) {
      expect(s.status).toBe(201);
      expect(s.json.adjustments).toEqual([]);
      ids.push(s.json.run.id);
    }

    // every run posted is listed, once, the same by both instances, in the order the lock let them post
    const runsA = (await get(`${a.url}/runs?policyId=rural-contract`)).json.runs as { id: string }[];
    const runsB = (await get(`${b.url}/runs?policyId=rural-contract`)).json.runs as { id: string }[];
    expect(runsA).toEqual(runsB);
    expect(runsA.map((r) => r.id).sort()).toEqual([...ids].sort());

    // the statement has each line once, and is the simulation of the months, line for line
    const statement = (await get(`${b.url}/statements/rural-contract`)).json.lines as { id: string; amount: string }[];
    expect(new Set(statement.map((l) => l.id)).size).toBe(statement.length);
    const simulated = (await post(`${a.url}/simulate`, rural('2025-01', '2025-03'))).json.lines as { payeeId: string; period: string; line: string; amount: string }[];
    const key = (l: { payeeId: string; period: string; line: string; amount: string }) => `${l.payeeId} ${l.period} ${l.line} ${l.amount}`;
    expect((statement as unknown as Parameters<typeof key>[0][]).map(key)).toEqual(simulated.map(key));

    // the close is sealed once, and the seal still matches from either instance
    for (const url of [a.url, b.url]) expect((await get(`${url}/verify?policyId=rural-contract`)).json).toMatchObject({ ok: true, verified: 1 });
  });
});

// POST /simulate as server-sent events (issue 14, point 2: long runs report progress): `progress`
// events with the payees done, then the statement as `result`, or the located refusal as `error`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RURAL_FACTS_HEADER, RURAL_PAYEES_HEADER, ruralRows } from '../../bench/rural-data.js';
import { listening, type Running } from './serve-for-test.js';

const PAYEES = 2500;
const rows = ruralRows(11, 0, PAYEES);
const dataset = {
  payees: { file: 'payees.csv', text: [RURAL_PAYEES_HEADER, ...rows.payees].join('\n') + '\n' },
  facts: { file: 'facts.csv', text: [RURAL_FACTS_HEADER, ...rows.facts].join('\n') + '\n' },
};

let server: Running;
beforeAll(async () => { server = await listening(); });
afterAll(() => server.close());

async function events(body: object): Promise<{ type: string | null; events: { event: string; data: any }[] }> {
  const res = await fetch(`${server.url}/simulate`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream' }, body: JSON.stringify(body) });
  const text = await res.text();
  const parsed = text.split('\n\n').filter(Boolean).map((block) => {
    const event = /^event: (.*)$/m.exec(block)?.[1] ?? '';
    const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
    return { event, data: JSON.parse(data) };
  });
  return { type: res.headers.get('content-type'), events: parsed };
}

describe('POST /simulate with Accept: text/event-stream', () => {
  it('reports the payees done, then answers the statement', async () => {
    const { type, events: all } = await events({ policy: { id: 'rural-contract' }, dataset, from: '2025-01', to: '2025-03', payee: 'R000002', detail: 'amounts' });
    expect(type).toBe('text/event-stream; charset=utf-8');
    const progress = all.filter((e) => e.event === 'progress').map((e) => e.data);
    expect(progress).toEqual([{ done: 1000, total: PAYEES }, { done: 2000, total: PAYEES }, { done: PAYEES, total: PAYEES }]);
    const last = all.at(-1)!;
    expect(last.event).toBe('result');
    expect(last.data.lines.length).toBeGreaterThan(0);
    expect(last.data.lines.every((l: { payeeId: string }) => l.payeeId === 'R000002')).toBe(true);
    expect(last.data.totals.total).toMatch(/^-?\d+\.\d\d$/);
  });

  it('answers a policy problem as an error event with its located diagnostics', async () => {
    const { events: all } = await events({ policy: { file: 'broken.yaml', text: 'id: broken\nrules: [' }, dataset });
    expect(all.map((e) => e.event)).toEqual(['error']);
    expect(all[0].data).toMatchObject({ status: 422, error: 'the policy or data has problems', diagnostics: [expect.objectContaining({ file: 'broken.yaml', line: expect.any(Number) })] });
  });
});

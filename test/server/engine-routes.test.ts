// The routes that only run the engine, over a real listening server: validate, simulate,
// explain, diff and health.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Exact } from '../../engine/index.js';
import { get, listening, policyText, post, type Running, scenarioDataset } from './serve-for-test.js';

const SCENARIOS = ['rural-contract', 'postal-agency', 'service-center', 'private-line', 'bonus-pool', 'piece-rate', 'instalments'];

/** The total of a scenario's independently computed expected.csv. */
function expectedTotal(name: string): string {
  const [header, ...rows] = readFileSync(`data/scenarios/${name}/expected.csv`, 'utf8').trim().split('\n').map((r) => r.split(','));
  const amount = header.indexOf('amount');
  return rows.reduce((sum, r) => sum.add(Exact.parse(r[amount])), Exact.ZERO).toFixed(2);
}

let server: Running;
beforeAll(async () => { server = await listening(); });
afterAll(() => server.close());

describe('GET /health', () => {
  it('answers ok and says there is no store and no writes', async () => {
    const res = await get(`${server.url}/health`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 'ok', store: 'none', writes: 'disabled' });
  });
});

describe('GET /policies', () => {
  it('lists the bundled policies with their parameters', async () => {
    const res = await get(`${server.url}/policies`);
    expect(res.status).toBe(200);
    expect(res.json.policies.map((p: { id: string }) => p.id)).toEqual([...SCENARIOS].sort());
    const rural = res.json.policies.find((p: { id: string }) => p.id === 'rural-contract');
    expect(rural).toMatchObject({ valid: true, name: expect.any(String), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(rural.params.find((p: { name: string }) => p.name === 'step_rate')).toMatchObject({ type: 'rate', value: '0.02' });
  });
});

describe('POST /validate', () => {
  it('accepts a bundled policy by id and describes it', async () => {
    const res = await post(`${server.url}/validate`, { policy: { id: 'rural-contract' } });
    expect(res.status).toBe(200);
    expect(res.json.valid).toBe(true);
    expect(res.json.diagnostics).toEqual([]);
    expect(res.json.policy.id).toBe('rural-contract');
    expect(res.json.policy.params.map((p: { name: string }) => p.name)).toContain('step_rate');
  });

  it('reports every problem with file, line, column and field', async () => {
    const text = policyText('rural-contract').text.replace('kind: commission', 'kind: commision').replace('step_rate: { type: rate, value: 0.02', 'step_rate: { type: rate, value: 2');
    const res = await post(`${server.url}/validate`, { policy: { file: 'rural.yaml', text } });
    expect(res.status).toBe(200);
    expect(res.json.valid).toBe(false);
    const kind = res.json.diagnostics.find((d: { field: string }) => /\.kind$/.test(d.field));
    expect(kind).toMatchObject({ file: 'rural.yaml', field: expect.stringMatching(/^rules\[\d+\]\.kind$/), message: expect.stringContaining('`commision`') });
    const line = text.split('\n').findIndex((l) => l.includes('commision')) + 1;
    expect(kind.line).toBe(line);
    expect(kind.column).toBe(text.split('\n')[line - 1].indexOf('commision') + 1);
    for (const d of res.json.diagnostics) expect(Object.keys(d)).toEqual(expect.arrayContaining(['file', 'line', 'column', 'field', 'message']));
  });

  it('checks overrides and a dataset against the policy', async () => {
    const dataset = scenarioDataset('rural-contract');
    dataset.facts.text = dataset.facts.text.replace('75969.9', '75969.9x');
    const res = await post(`${server.url}/validate`, {
      policy: { id: 'rural-contract' },
      overrides: { file: 'overrides.yaml', text: 'step_ratee: 0.03\n' },
    });
    expect(res.json.valid).toBe(false);
    expect(res.json.diagnostics[0]).toMatchObject({ file: 'overrides.yaml', line: 1, column: 1, field: 'step_ratee', message: expect.stringContaining('did you mean `step_rate`') });
    const withData = await post(`${server.url}/validate`, { policy: { id: 'rural-contract' }, dataset });
    expect(withData.json.valid).toBe(false);
    expect(withData.json.diagnostics).toEqual([expect.objectContaining({ file: dataset.facts.file, line: 2, field: 'revenue_actual', message: expect.stringContaining('`75969.9x`') })]);
  });
});

describe('POST /simulate', () => {
  for (const name of SCENARIOS) {
    it(`${name}: totals equal the scenario's expected.csv, lines carry traces`, async () => {
      const res = await post(`${server.url}/simulate`, { policy: { id: name }, dataset: scenarioDataset(name) });
      expect(res.status).toBe(200);
      expect(res.json.totals.total).toBe(expectedTotal(name));
      expect(res.json.lines.length).toBe(readFileSync(`data/scenarios/${name}/expected.csv`, 'utf8').trim().split('\n').length - 1);
      expect(res.json.lines[0].trace.rule).toBe(res.json.lines[0].line);
      expect(res.json.policy.id).toBe(name);
    });
  }

  it('takes the policy as YAML text or as a JSON document with the same result', async () => {
    const dataset = scenarioDataset('postal-agency');
    const asText = await post(`${server.url}/simulate`, { policy: policyText('postal-agency'), dataset });
    const asDocument = await post(`${server.url}/simulate`, { policy: { document: parse(policyText('postal-agency').text) }, dataset });
    expect(asText.status).toBe(200);
    expect(asDocument.status).toBe(200);
    expect(asDocument.json.totals).toEqual(asText.json.totals);
    expect(asDocument.json.lines.map((l: { amount: string }) => l.amount)).toEqual(asText.json.lines.map((l: { amount: string }) => l.amount));
  });

  it('filters one payee and a range of months; totals are of those lines', async () => {
    const res = await post(`${server.url}/simulate`, { policy: { id: 'rural-contract' }, dataset: scenarioDataset('rural-contract'), payee: 'R02', from: '2025-04', to: '2025-06' });
    expect(res.status).toBe(200);
    expect(new Set(res.json.lines.map((l: { payeeId: string }) => l.payeeId))).toEqual(new Set(['R02']));
    expect(new Set(res.json.lines.map((l: { period: string }) => l.period))).toEqual(new Set(['2025-04', '2025-05', '2025-06']));
    const sum = res.json.lines.reduce((s: Exact, l: { amount: string }) => s.add(Exact.parse(l.amount)), Exact.ZERO);
    expect(res.json.totals.total).toBe(sum.toFixed(2));
  });

  it('leaves traces out on request, with the same amounts', async () => {
    const body = { policy: { id: 'service-center' }, dataset: scenarioDataset('service-center') };
    const full = await post(`${server.url}/simulate`, body);
    const lean = await post(`${server.url}/simulate`, { ...body, detail: 'explanation' });
    expect(lean.status).toBe(200);
    expect(lean.json.lines.every((l: { trace?: unknown; explanation: string }) => l.trace === undefined && l.explanation.length > 0)).toBe(true);
    expect(lean.json.lines.map((l: { amount: string }) => l.amount)).toEqual(full.json.lines.map((l: { amount: string }) => l.amount));
    // lines explained when read (generated code) are written with their explanations, the traced ones'
    expect(lean.json.lines.map((l: { explanation: string }) => l.explanation)).toEqual(full.json.lines.map((l: { explanation: string }) => l.explanation));
    expect(lean.json.totals).toEqual(full.json.totals);
    expect(lean.text.length).toBeLessThan(full.text.length / 2);
  });

  it('answers 422 with located diagnostics when the data is wrong', async () => {
    const dataset = scenarioDataset('rural-contract');
    dataset.payees.text = dataset.payees.text.replace('R03,Rural point R03,rural_contract', 'R03,Rural point R03,rural_contrct');
    const res = await post(`${server.url}/simulate`, { policy: { id: 'rural-contract' }, dataset });
    expect(res.status).toBe(422);
    expect(res.json.error).toBe('the policy or data has problems');
    expect(res.json.diagnostics[0]).toMatchObject({ file: dataset.payees.file, line: 4, field: 'channel_type', message: expect.stringContaining('`rural_contrct`') });
    expect(res.text).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it('answers 422 for a policy with problems and 400 for an unknown bundled policy', async () => {
    const broken = await post(`${server.url}/simulate`, { policy: { file: 'p.yaml', text: 'id: [' }, dataset: scenarioDataset('rural-contract') });
    expect(broken.status).toBe(422);
    expect(broken.json.diagnostics[0]).toMatchObject({ file: 'p.yaml', line: 1 });
    const unknown = await post(`${server.url}/simulate`, { policy: { id: 'rural-contrct' }, dataset: scenarioDataset('rural-contract') });
    expect(unknown.status).toBe(400);
    expect(unknown.json.diagnostics[0]).toMatchObject({ field: 'policy.id', message: expect.stringContaining('`rural-contract`') });
  });
});

describe('POST /explain', () => {
  it('explains one line of a payee and month with conditions and formula', async () => {
    const res = await post(`${server.url}/explain`, { policy: { id: 'rural-contract' }, dataset: scenarioDataset('rural-contract'), payee: 'R01', period: '2025-01', line: 'maintenance' });
    expect(res.status).toBe(200);
    expect(res.json.items).toHaveLength(1);
    const [item] = res.json.items;
    expect(item.status).toBe('paid');
    expect(item.item).toMatchObject({ payeeId: 'R01', period: '2025-01', line: 'maintenance' });
    expect(item.item.trace.formula.substituted).toContain('2755');
    expect(item.text).toContain('2025-01 R01 rural-contract maintenance (commission)');
  });

  it('says why a rule made no line: not applicable is not withheld', async () => {
    const res = await post(`${server.url}/explain`, { policy: { id: 'rural-contract' }, dataset: scenarioDataset('rural-contract'), payee: 'R02', period: '2025-03' });
    expect(res.status).toBe(200);
    const byLine = Object.fromEntries(res.json.items.map((i: { status: string; item: { line: string } }) => [i.item.line, i.status]));
    expect(byLine).toMatchObject({ maintenance: 'paid', fee_collection: 'withheld', over_completion: 'not-applicable', refund: 'not-applicable' });
    const over = res.json.items.find((i: { item: { line: string } }) => i.item.line === 'over_completion');
    expect(over.text).toContain('0 (not applicable: completion 0.948 ≥ 1 is not met)');
  });

  it('answers 404 naming the payee when there is no such line', async () => {
    const res = await post(`${server.url}/explain`, { policy: { id: 'rural-contract' }, dataset: scenarioDataset('rural-contract'), payee: 'R99', period: '2025-01' });
    expect(res.status).toBe(404);
    expect(res.json.diagnostics[0]).toMatchObject({ field: 'payee', message: expect.stringContaining('`R99`') });
  });
});

describe('POST /diff', () => {
  it('compares two versions over the same dataset with the engine\'s impact', async () => {
    const res = await post(`${server.url}/diff`, {
      before: { policy: { id: 'rural-contract' } },
      after: { policy: { id: 'rural-contract' }, overrides: { file: 'overrides.yaml', text: 'maintenance_price: 1.60\n' } },
      dataset: scenarioDataset('rural-contract'),
    });
    expect(res.status).toBe(200);
    expect(res.json.impact.before.total).toBe(expectedTotal('rural-contract'));
    expect(Exact.parse(res.json.impact.delta.total).sign()).toBe(1);
    expect(Exact.parse(res.json.impact.delta.total).eq(Exact.parse(res.json.impact.after.total).sub(Exact.parse(res.json.impact.before.total)))).toBe(true);
    expect(res.json.impact.gainers.length).toBeGreaterThan(0);
    expect(res.json.impact.lines.every((l: { line: string }) => l.line !== '')).toBe(true);
    expect(res.json.before.hash).not.toBe(res.json.after.hash);
  });
});

// A dataset read a hundred payees at a time equals the dataset read whole (and the helper's part
// equals readDataset over tablesFrom); whenever that is not certain, nothing is read in chunks and
// the whole read reports the problems as it always has.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Exact, loadPolicy, readDataset, type CompiledPolicy } from '../../../engine/index.js';
import { tablesFrom } from '../../../editor/src/worker/part-tables.js';
import type { SourceTables } from '../../../editor/src/worker/table-bytes.js';
import { CHUNK, readInChunks, readShared } from '../../../editor/src/worker/read-in-chunks.js';
import { generateRuralDataset } from '../e2e/generate-dataset.js';

const text = readFileSync(new URL('../../../policies/rural-contract.yaml', import.meta.url), 'utf8');
const rural = (yaml = text): CompiledPolicy => {
  const loaded = loadPolicy({ file: 'rural-contract.yaml', text: yaml });
  if (!loaded.ok) throw new Error('the policy does not load');
  return loaded.policy;
};

/** 3.5 chunks of payees, every 7th a postal agent (not covered), a run of 150 postal agents at the end, blank lines. */
function tables(payees = CHUNK * 3 + CHUNK / 2): SourceTables {
  const d = generateRuralDataset(payees, 12);
  const lines = d.payees.split('\n').map((l, i) => (i > 0 && (i % 7 === 0 || i > payees - 150) ? l.replace('rural_contract', 'postal_agent') : l));
  return { id: 't', payees: { file: 'payees.csv', text: lines.join('\n').replace('\nG00003', '\n\nG00003') }, facts: { file: 'facts.csv', text: d.facts.replace('\n2025-02,G00002', '\n\n2025-02,G00002') } };
}

const whole = (t: SourceTables, policy: CompiledPolicy) => {
  const read = readDataset(t, policy);
  if (!read.ok) throw new Error('the dataset does not read');
  return read.dataset;
};

describe('a dataset read in chunks', () => {
  it('equals the dataset read whole, equal values shared across chunks', () => {
    const t = tables(), policy = rural();
    const chunked = readInChunks(t, policy);
    expect(chunked).toBeDefined();
    expect(chunked).toEqual(whole(t, policy));
    expect(chunked!.covered.length).toBeGreaterThan(CHUNK * 1.5);
    const first = chunked!.facts.get('G00001')!.get(chunked!.months!.first)!.values;
    const last = chunked!.facts.get(chunked!.covered.at(-1)!.payeeId)!;
    const same = [...last.values()].flatMap((r) => r.values).find((v) => v instanceof Exact && first.some((w) => w instanceof Exact && w.eq(v)));
    expect(first).toContain(same);
  });

  it('equals readDataset over the helper\'s part from any position', () => {
    const t = tables(), policy = rural();
    for (const from of [1, CHUNK + 3, 150]) expect(readInChunks(t, policy, from)).toEqual(whole(tablesFrom(t, from), policy));
  });

  it('equals the whole read when payees are covered only by an attribute', () => {
    const t = tables(), policy = rural(text.replace('channel_type: [rural_contract]', 'channel_type: [rural_contract]\n  attributes: { region: [region-2, region-5] }'));
    expect(policy.layout.attributes).toEqual({ region: ['region-2', 'region-5'] });
    expect(readInChunks(t, policy)).toEqual(whole(t, policy));
  });

  it('is not read in chunks when a problem or a difference is possible, and the whole read reports the problem', () => {
    const t = tables(), policy = rural();
    const facts = (f: (s: string) => string): SourceTables => ({ ...t, facts: { file: 'facts.csv', text: f((t.facts as { text: string }).text) } });
    const payees = (f: (s: string) => string): SourceTables => ({ ...t, payees: { file: 'payees.csv', text: f((t.payees as { text: string }).text) } });
    const cases: [string, SourceTables][] = [
      ['a fact row of a payee not in payees.csv', facts((s) => `${s}2025-01,NOBODY,1,1,1,1,1,1,1,1,1\n`)],
      ['a payee listed twice', payees((s) => `${s}G00010,Again,rural_contract,region-1,county-1\n`)],
      ['a bad value in a later chunk', facts((s) => s.replace(/(2025-05,G00180,)\d+/, '$1lots'))],
      ['quoted cells', payees((s) => s.replace('Generated point 5', '"Generated point, 5"'))],
      ['carriage returns', facts((s) => s.replace(/\n/g, '\r\n'))],
      ['no covered payee', payees((s) => s.replace(/rural_contract/g, 'postal_agent'))],
    ];
    for (const [what, bad] of cases) {
      expect(readInChunks(bad, policy), what).toBeUndefined();
      expect(readShared(bad, policy, 0, () => readDataset(bad, policy)), what).toEqual(readDataset(bad, policy));
    }
    const unknownPayee = readShared(cases[0][1], policy, 0, () => readDataset(cases[0][1], policy));
    expect(unknownPayee.ok ? [] : unknownPayee.diagnostics.map((d) => d.code)).toContain('csv-unknown-payee');
  });
});

// The helper's payee and month columns cross once: later answers name them by id, and the
// preview worker forgets a column only with the answer to its newest request.
import { describe, expect, it } from 'vitest';
import { PartColumns } from '../../../editor/src/worker/part-columns.js';
import { buffersOf, type PartLines, type PartWire } from '../../../editor/src/worker/part-protocol.js';

const lines = (rule: string, payee: { id: number; values?: Int32Array }, month: { id: number; values?: Int32Array }): PartLines =>
  ({ rule, kind: 'commission', payee, month, cents: new Float64Array(2), withheld: 0, bound: 0 });
const answer = (...l: PartLines[]): PartWire => ({ ok: true, lines: l, from: '2025-01', to: '2025-12' });

describe('the helper\'s columns by id', () => {
  it('reads columns sent by value, then by id, and forgets those the newest answer does not use', () => {
    const cols = new PartColumns();
    const p = Int32Array.from([7, 7]), m = Int32Array.from([1, 2]), m2 = Int32Array.from([1, 3]);
    const first = cols.receive(answer(lines('a', { id: 1, values: p }, { id: 2, values: m })));
    expect(first.ok && first.lines[0].payee).toBe(p);
    expect(cols.ids()).toEqual([1, 2]);
    const older = cols.receive(answer(lines('b', { id: 1 }, { id: 3, values: m2 })), false); // an answer nobody waits for
    expect(older.ok && [...older.lines[0].month]).toEqual([1, 3]);
    expect(cols.ids().sort()).toEqual([1, 2, 3]); // nothing forgotten: a newer request may still name 2
    const newest = cols.receive(answer(lines('a', { id: 1 }, { id: 2 })));
    expect(newest.ok && newest.lines[0].month).toBe(m);
    expect(cols.ids().sort()).toEqual([1, 2]);
  });

  it('an answer naming a column never received fails, for the run to be settled whole', () => {
    const cols = new PartColumns();
    const result = cols.receive(answer(lines('a', { id: 9 }, { id: 10 })));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.diagnostics[0].message).toBe('the preview\'s helper sent lines of `a` by a column it never sent');
  });
});

describe('the helper sends an edit\'s amounts only', () => {
  it('after its first settle, payee and month columns go by id and amount columns are those given back', async () => {
    const { readFileSync } = await import('node:fs');
    const { setYamlValue } = await import('../../../editor/src/form/yaml-rewrite.js');
    const { PartEngine } = await import('../../../editor/src/worker/part-engine.js');
    const { generateRuralDataset } = await import('../e2e/generate-dataset.js');
    const data = generateRuralDataset(200, 12);
    const part = new PartEngine();
    part.setTables({ id: 'g', payees: { file: 'payees.csv', text: data.payees }, facts: { file: 'facts.csv', text: data.facts } }, 100);
    const text = readFileSync(new URL('../../../policies/rural-contract.yaml', import.meta.url), 'utf8');
    const req = { file: 'p.yaml', layout: '', options: { from: '2025-01', to: '2025-12' } };
    const cols = new PartColumns();
    const first = await part.settle({ ...req, text, has: cols.ids() });
    if (!first.ok) throw new Error('the helper failed');
    // equal columns share one id, sent once
    const sent = new Map<string, number>();
    const byId = new Map<number, Int32Array>();
    for (const c of first.lines.flatMap((l) => [l.payee, l.month])) {
      const key = String([...(c.values ?? [])]);
      if (c.values) expect(sent.get(key) ?? c.id).toBe(c.id);
      sent.set(key, c.id);
      // a column's values in a buffer of their own, exactly their size (transferred, not its pooled buffer cloned), one object per id
      if (c.values) expect(c.values.buffer.byteLength).toBe(c.values.byteLength);
      if (c.values) expect(byId.get(c.id) ?? c.values).toBe(c.values);
      if (c.values) byId.set(c.id, c.values);
    }
    const transfer = buffersOf(first.lines);
    expect(new Set(transfer).size).toBe(transfer.length);
    expect(transfer.length).toBe(first.lines.length + byId.size);
    // posted as the helper posts it: every buffer transferred, the helper's own columns kept (the next settle starts from them)
    const read = cols.receive(structuredClone(first, { transfer }));
    if (!read.ok) throw new Error('the columns were not read');
    const spare = read.lines.map((l) => l.cents);
    const edited = setYamlValue(text, ['params', 'step_rate', 'value'], '0.03');
    const second = await part.settle({ ...req, text: edited, has: cols.ids(), spare });
    if (!second.ok) throw new Error('the helper failed');
    expect(second.lines.every((l) => l.payee.values === undefined && l.month.values === undefined)).toBe(true);
    const given = new Set(spare.map((a) => a.buffer));
    const large = second.lines.filter((l) => l.cents.byteLength >= 4096); // the pool keeps no small buffer
    expect(large.length).toBeGreaterThan(2);
    // most fill a buffer given back (a rule whose lines outgrow every one gets a new one)
    expect(large.filter((l) => given.has(l.cents.buffer)).length).toBeGreaterThanOrEqual(large.length / 2);
  });
});

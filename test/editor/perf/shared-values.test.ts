// Equal exact values of a dataset share one object, and a settle over the shared dataset is the
// settle over the dataset as read (the rural policy over generated payees, every line equal).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Exact, loadPolicy, readDataset, settle } from '../../../engine/index.js';
import { shareValues } from '../../../editor/src/worker/shared-values.js';
import { generateRuralDataset } from '../e2e/generate-dataset.js';

const text = readFileSync(new URL('../../../policies/rural-contract.yaml', import.meta.url), 'utf8');

function read(payees: number) {
  const loaded = loadPolicy({ file: 'rural-contract.yaml', text });
  if (!loaded.ok) throw new Error('the policy does not load');
  const d = generateRuralDataset(payees, 12);
  const data = readDataset({ payees: { file: 'payees.csv', text: d.payees }, facts: { file: 'facts.csv', text: d.facts } }, loaded.policy);
  if (!data.ok) throw new Error('the dataset does not read');
  return { policy: loaded.policy, dataset: data.dataset };
}

const cells = (d: ReturnType<typeof read>['dataset']) => [...d.facts.values()].flatMap((m) => [...m.values()].flatMap((r) => r.values));

describe('shared exact values', () => {
  it('equal values become one object, every value unchanged', () => {
    const { dataset } = read(300);
    const before = cells(dataset).map((v) => (v instanceof Exact ? v.toString() : v));
    shareValues(dataset);
    const after = cells(dataset);
    expect(after.map((v) => (v instanceof Exact ? v.toString() : v))).toEqual(before);
    const objects = new Set(after), texts = new Set(before);
    expect(objects.size).toBe(texts.size); // one object per distinct value
    expect(objects.size).toBeLessThan(after.length / 2);
  });

  it('keeps values beyond safe integers as they are and shares only equal fractions', () => {
    const { dataset } = read(2);
    const row = [...[...dataset.facts.values()][0].values()][0];
    const huge = Exact.parse('123456789012345678901234.5');
    row.values.splice(0, 4, Exact.parse('2.5'), Exact.of(5).div(Exact.of(2)), Exact.parse('2.50'), huge);
    shareValues(dataset);
    expect(row.values[0]).toBe(row.values[1]);
    expect(row.values[0]).toBe(row.values[2]);
    expect(row.values[3]).toBe(huge);
  });

  it('a settle over the shared dataset equals the settle over the dataset as read', () => {
    const a = read(500), b = read(500);
    shareValues(b.dataset);
    expect(settle(b.policy, b.dataset, { detail: 'amounts' })).toEqual(settle(a.policy, a.dataset, { detail: 'amounts' }));
  });
});

// A statement as columns is the `amounts` statement without line objects: every line read back
// with `lineOf` equals the line `settle` makes, in the same order, with the same totals and
// withheld items (each made from its columns by settling its payee again) — on the seven scenarios, on random policies and data with boundaries (values
// near 2^53 cents included), and for amounts too wide for integer units.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountOf, type CompiledPolicy, type Dataset, formatDiagnostic, lineOf, loadPolicy, readDataset, settle, settleColumns, type StatementColumns, type WithheldItem, withheldItemsOf, withheldOf } from '../../../engine/index.js';
import { periodOf } from '../../../engine/data/period.js';
import { SCENARIOS, folderDataset, policyOf } from '../../fixtures/scenario.js';
import { mulberry32, randomData, randomPolicy } from '../codegen/random-policy.js';

function expectSame(policy: CompiledPolicy, dataset: Dataset, label: string): StatementColumns | undefined {
  let statement;
  try {
    statement = settle(policy, dataset, { detail: 'amounts' });
  } catch (e) {
    // the same run fails the same way
    expect(() => settleColumns(policy, dataset), label).toThrow((e as Error).message);
    return undefined;
  }
  const columns = settleColumns(policy, dataset);
  expect(columns.length, label).toBe(statement.lines.length);
  const lines = Array.from({ length: columns.length }, (_, i) => lineOf(policy, columns, i));
  expect(lines, label).toEqual(statement.lines);
  expect(JSON.stringify(lines), label).toBe(JSON.stringify(statement.lines));
  expect(columns.totals, label).toEqual(statement.totals);
  expectSameWithheld(policy, dataset, columns, statement.withheld, label);
  expect([columns.policy, columns.from, columns.to], label).toEqual([statement.policy, statement.from, statement.to]);
  return columns;
}

/** The columns' withheld items name what `settle`'s do, and each made from them is `settle`'s item. */
function expectSameWithheld(policy: CompiledPolicy, dataset: Dataset, columns: StatementColumns, items: readonly WithheldItem[], label: string): void {
  const w = columns.withheld;
  expect(w.length, label).toBe(items.length);
  const made: WithheldItem[] = [];
  for (let i = 0; i < w.length; i++) {
    const payeeId = columns.payeeIds[w.payee[i]], period = periodOf(w.month[i]), line = columns.rules[w.rule[i]].id;
    expect([payeeId, period, line], label).toEqual([items[i].payeeId, items[i].period, items[i].line]);
    const base = `${columns.policy.id}/${payeeId}/${period}/${line}`;
    const t = w.transaction[i];
    expect(items[i].id, label).toBe(t < 0 ? base : `${base}/${dataset.transactions.get(payeeId)!.get(w.month[i])![t].id}`);
    // a payee's items at once where the payee changes, one by one elsewhere
    if (i === 0 || w.payee[i - 1] !== w.payee[i]) made.push(...withheldItemsOf(policy, dataset, columns, w.payee[i]));
    else expect(JSON.stringify(withheldOf(policy, dataset, columns, i)), label).toBe(JSON.stringify(items[i]));
  }
  expect(JSON.stringify(made), label).toBe(JSON.stringify(items));
}

describe('settleColumns', () => {
  for (const name of SCENARIOS) {
    it(`gives ${name}'s amounts statement line for line`, () => {
      const policy = policyOf(name);
      const columns = expectSame(policy, folderDataset(policy, `data/scenarios/${name}`), name)!;
      expect(columns.length).toBeGreaterThan(0);
      // the columns are typed arrays cut to the statement's length
      expect(columns.units).toBeInstanceOf(Float64Array);
      expect(columns.payee.length).toBe(columns.length);
    });
  }

  it('gives the amounts statement on random policies and data with boundaries', () => {
    let lines = 0;
    fc.assert(fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
      const r = mulberry32(seed);
      const text = randomPolicy(r);
      const loaded = loadPolicy({ file: 'random.yaml', text });
      if (!loaded.ok) throw new Error(loaded.diagnostics.map(formatDiagnostic).join('\n'));
      const data = randomData(r, 6);
      const read = readDataset({
        payees: { file: 'payees.csv', text: data.payees }, facts: { file: 'facts.csv', text: data.facts },
        transactions: { file: 'transactions.csv', text: data.transactions },
      }, loaded.policy);
      if (!read.ok) throw new Error(read.diagnostics.map(formatDiagnostic).join('\n'));
      lines += expectSame(loaded.policy, read.dataset, `seed ${seed}:\n${text}`)?.length ?? 0;
    }), { numRuns: 60, seed: 20261202 });
    expect(lines).toBeGreaterThan(500);
  }, 300_000); // a limit for a loaded machine, not a timing assertion

  it('keeps an amount past 2^53 units as exact text', () => {
    const loaded = loadPolicy({ file: 'wide.yaml', text: JSON.stringify({
      id: 'wide', name: 'Wide', version: 1, applies_to: { channel_type: ['shop'] }, rounding: { scale: 2, mode: 'half-up' },
      facts: { sales: { type: 'money' } },
      rules: [{ id: 'big', kind: 'commission', amount: 'sales * 1000' }],
    }) });
    if (!loaded.ok) throw new Error(loaded.diagnostics.map(formatDiagnostic).join('\n'));
    const read = readDataset({
      payees: { file: 'payees.csv', text: 'payee_id,channel_type\nW01,shop\nW02,shop\n' },
      facts: { file: 'facts.csv', text: 'payee_id,period,sales\nW01,2025-01,90000000000000.01\nW02,2025-01,12.34\n' },
    }, loaded.policy);
    if (!read.ok) throw new Error(read.diagnostics.map(formatDiagnostic).join('\n'));
    const columns = expectSame(loaded.policy, read.dataset, 'wide')!;
    expect(Number.isNaN(columns.units[0])).toBe(true);
    expect(amountOf(columns, 0)).toBe('90000000000000010.00');
    expect([columns.units[1], amountOf(columns, 1)]).toEqual([1234000, '12340.00']);
    expect(columns.totals.total).toBe('90000000000012350.00');
  });
});

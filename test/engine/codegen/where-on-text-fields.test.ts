// A per-transaction rule whose `where` tests a transaction's text field with `in` (a leaf the
// generator does not write) loads, stays on its closures for that rule, and settles as the
// reference closures do. It used to make loadPolicy throw: the generator handed the leaf to the
// policy's condition compiler, which does not know transaction fields.
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, loadPolicy, readDataset, settle } from '../../../engine/index.js';

const text = `
id: t
name: T
version: 1
applies_to: { channel_type: [shop] }
rounding: { scale: 2, mode: half-up }
transactions: { id: tx_id, fields: { product: { type: text }, tariff: { type: money } } }
facts: { sales: { type: money } }
rules:
  - id: per_tx
    kind: commission
    for_each: transactions
    where: { all: [{ fact: product, operator: in, value: [fibre, copper] }] }
    amount: tariff * 0.1
`;

describe('a per-transaction `where` on a text field', () => {
  it('loads and settles as the reference closures do, flagging the transactions it leaves out', () => {
    const loaded = loadPolicy({ file: 't.yaml', text });
    if (!loaded.ok) throw new Error(loaded.diagnostics.map(formatDiagnostic).join('\n'));
    expect(loaded.policy.plan.rules[0].integer?.fallback.join(' ')).not.toBe('');
    const read = readDataset({
      payees: { file: 'payees.csv', text: 'payee_id,name,channel_type\nS1,Shop,shop\n' },
      facts: { file: 'facts.csv', text: 'payee_id,period,sales\nS1,2025-01,10.00\n' },
      transactions: { file: 'transactions.csv', text: 'payee_id,period,tx_id,product,tariff\nS1,2025-01,T1,fibre,99.95\nS1,2025-01,T2,mobile,50.00\nS1,2025-01,T3,copper,0.05\n' },
    }, loaded.policy);
    if (!read.ok) throw new Error(read.diagnostics.map(formatDiagnostic).join('\n'));
    for (const detail of ['amounts', 'explanation', 'trace'] as const) {
      const ours = settle(loaded.policy, read.dataset, { detail });
      const reference = settle(loaded.policy, read.dataset, { detail, engine: 'reference' });
      expect(JSON.stringify(ours)).toBe(JSON.stringify(reference));
      expect(ours.lines.map((l) => l.amount)).toEqual(['10.00']); // 9.995 + 0.005, rounded once
      expect(ours.withheld.map((w) => w.id)).toEqual(['t/S1/2025-01/per_tx/T2']);
    }
  });
});

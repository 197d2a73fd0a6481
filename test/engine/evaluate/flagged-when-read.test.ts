// Transactions a per-transaction rule's `where` leaves out, reported when first read (the
// default in `amounts` detail, LazyFlagged) are the eager ones: read after the whole run, when
// the payee's later months have changed the lines and metrics their `where` reads, by the
// generated loop and by the reference closures alike. A transaction whose amount cannot be
// computed (the `where` leaves it out for that reason) is reported without a would-pay amount,
// as a gate's withheld item is, instead of failing the run.
import { describe, expect, it } from 'vitest';
import { type CompiledPolicy, type Dataset, formatDiagnostic, loadPolicy, readDataset, settle, type WithheldItem } from '../../../engine/index.js';

// `where` reads a field, a metric and the line of an earlier rule; the amount divides by
// `standard`, which is 0 on a transaction the `where` leaves out
const policyText = (extraLeaf: string) => `
id: t
name: T
version: 1
applies_to: { channel_type: [shop] }
rounding: { scale: 2, mode: half-up }
transactions: { id: tx_id, fields: { product: { type: text }, tariff: { type: money }, standard: { type: money } } }
facts: { sales: { type: money }, target: { type: money } }
metrics:
  completion: sales / target
rules:
  - id: base
    kind: commission
    amount: sales * 0.01
  - id: per_tx
    kind: commission
    for_each: transactions
    derive:
      floor: 0.2 * standard
    where:
      all:
        - { fact: standard, operator: greaterThan, value: 0 }
        - { fact: tariff, operator: greaterThanInclusive, value: { fact: floor } }
        - { fact: tariff, operator: greaterThanInclusive, value: { fact: base } }
        - { fact: completion, operator: greaterThan, value: 0.5 }${extraLeaf}
    amount: tariff * 10 / standard
`;

const data = {
  payees: { file: 'payees.csv', text: 'payee_id,name,channel_type\nS1,Shop,shop\nS2,Shop 2,shop\n' },
  facts: { file: 'facts.csv', text: 'payee_id,period,sales,target\nS1,2025-01,3000,1000\nS1,2025-02,9000,1000\nS2,2025-01,100,1000\nS2,2025-02,2000,1000\n' },
  transactions: {
    file: 'transactions.csv',
    text: [
      'payee_id,period,tx_id,product,tariff,standard',
      // S1 2025-01: base 30.00, completion 3
      'S1,2025-01,A,fibre,50,100', 'S1,2025-01,B,fibre,25,100', 'S1,2025-01,C,fibre,5,100', 'S1,2025-01,Z,fibre,50,0',
      // S1 2025-02: base 90.00, completion 9
      'S1,2025-02,D,fibre,95,100', 'S1,2025-02,E,fibre,50,100', 'S1,2025-02,F,copper,200,0',
      // S2: completion 0.1 then 2
      'S2,2025-01,G,fibre,50,100', 'S2,2025-02,H,fibre,50,100', 'S2,2025-02,I,fibre,10,100',
    ].join('\n'),
  },
};

function load(text: string): { policy: CompiledPolicy; dataset: Dataset } {
  const loaded = loadPolicy({ file: 't.yaml', text });
  if (!loaded.ok) throw new Error(loaded.diagnostics.map(formatDiagnostic).join('\n'));
  const read = readDataset(data, loaded.policy);
  if (!read.ok) throw new Error(read.diagnostics.map(formatDiagnostic).join('\n'));
  return { policy: loaded.policy, dataset: read.dataset };
}

const fields = (w: WithheldItem) => ({ id: w.id, reason: w.reason, reasonMessage: w.reasonMessage, wouldPay: w.wouldPay, trace: w.trace });

describe('transactions a `where` leaves out, reported when read', () => {
  const cases = [
    // by the generated loop, and with a leaf it does not write (a text field): by the closures
    { name: 'generated loop', text: policyText(''), generated: true },
    { name: 'reference closures', text: policyText('\n        - { fact: product, operator: in, value: [fibre, copper] }'), generated: false },
  ];
  for (const c of cases) {
    it(`are the eager ones (${c.name})`, () => {
      const { policy, dataset } = load(c.text);
      const rule = policy.plan.rules.find((r) => r.id === 'per_tx')!;
      expect(rule.integer?.fallback.length === 0).toBe(c.generated);
      const eager = settle(policy, dataset, { detail: 'amounts', lazyReasons: false });
      const lazy = settle(policy, dataset, { detail: 'amounts' });
      const flagged = ['S1/2025-01/per_tx/B', 'S1/2025-01/per_tx/C', 'S1/2025-01/per_tx/Z', 'S1/2025-02/per_tx/E', 'S1/2025-02/per_tx/F',
        'S2/2025-01/per_tx/G', 'S2/2025-02/per_tx/I'];
      expect(eager.withheld.map((w) => w.id)).toEqual(flagged.map((id) => `t/${id}`));
      // nothing made until read
      expect(lazy.withheld.filter((w) => Object.hasOwn(w, 'reason') || Object.hasOwn(w, 'trace'))).toEqual([]);
      expect(lazy.withheld.map(fields)).toEqual(eager.withheld.map(fields));
      expect(JSON.stringify(lazy)).toBe(JSON.stringify(eager));
      expect(JSON.stringify(settle(policy, dataset, { detail: 'amounts', engine: 'reference' }))).toBe(JSON.stringify(eager));
      // what the `where` read that month, not what it read last
      const reason = (id: string) => lazy.withheld.find((w) => w.id.endsWith(id))!.reason;
      expect(reason('/B')).toBe('transaction `B` flagged: tariff 25 ≥ base 30 is not met');
      expect(reason('/G')).toBe('transaction `G` flagged: completion 0.1 > 0.5 is not met');
      expect(lazy.withheld[0].wouldPay).toBe('2.50');
      const z = eager.withheld.find((w) => w.id.endsWith('/Z'))!;
      expect(z.wouldPay).toBeUndefined();
      expect(z.reason).toContain('standard');
    });
  }

  it('leave a would-pay amount out where it cannot be computed, in every detail', () => {
    const { policy, dataset } = load(policyText(''));
    for (const detail of ['amounts', 'explanation', 'trace'] as const) {
      const s = settle(policy, dataset, { detail });
      expect(s.withheld.filter((w) => w.wouldPay === undefined).map((w) => w.id)).toEqual(['t/S1/2025-01/per_tx/Z', 't/S1/2025-02/per_tx/F']);
      expect(s.lines.map((l) => `${l.id} ${l.amount}`)).toContain('t/S1/2025-01/per_tx 5.00');
    }
  });
});

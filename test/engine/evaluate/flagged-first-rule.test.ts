// A flagged transaction of the policy's first rule keeps no lines of its month (a rule reads only
// lines of rules before it): read after the run, its reason and would-pay are the eager ones, in
// every month, while the months' lines arrays are reused; a later rule's items still see theirs.
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, loadPolicy, readDataset, settle } from '../../../engine/index.js';

const POLICY = `
id: t
name: T
version: 1
applies_to: { channel_type: [shop] }
transactions: { id: tx_id, fields: { tariff: { type: money }, standard: { type: money } } }
facts: { sales: { type: money }, target: { type: money } }
metrics:
  completion: sales / target
rules:
  - id: per_tx
    kind: commission
    for_each: transactions
    where:
      all:
        - { fact: tariff, operator: greaterThanInclusive, value: { fact: standard } }
        - { fact: completion, operator: greaterThan, value: 0.5 }
    amount: tariff * 0.1
  - id: later
    kind: commission
    for_each: transactions
    where:
      all:
        - { fact: tariff, operator: lessThan, value: { fact: per_tx } }
    amount: tariff * 0.01
`;

const DATA = {
  payees: { file: 'payees.csv', text: 'payee_id,channel_type\nS1,shop\n' },
  facts: { file: 'facts.csv', text: 'payee_id,period,sales,target\nS1,2025-01,100,1000\nS1,2025-02,900,1000\nS1,2025-03,2000,1000\n' },
  transactions: {
    file: 'transactions.csv',
    text: ['payee_id,period,tx_id,tariff,standard', 'S1,2025-01,A,50,10', 'S1,2025-02,B,5,10', 'S1,2025-02,C,40,10', 'S1,2025-03,D,60,100', 'S1,2025-03,E,90,10'].join('\n'),
  },
};

describe('flagged transactions of the first rule', () => {
  const loaded = loadPolicy({ file: 't.yaml', text: POLICY });
  if (!loaded.ok) throw new Error(loaded.diagnostics.map(formatDiagnostic).join('\n'));
  const read = readDataset(DATA, loaded.policy);
  if (!read.ok) throw new Error(read.diagnostics.map(formatDiagnostic).join('\n'));

  it('are reported when read as they are at once, month by month', () => {
    const eager = settle(loaded.policy, read.dataset, { detail: 'amounts', lazyReasons: false });
    const lazy = settle(loaded.policy, read.dataset, { detail: 'amounts' });
    expect(JSON.stringify(lazy)).toBe(JSON.stringify(eager));
    const reasons = Object.fromEntries(lazy.withheld.map((w) => [w.id, `${w.reason} (${w.wouldPay})`]));
    expect(reasons).toEqual({
      't/S1/2025-01/per_tx/A': 'transaction `A` flagged: completion 0.1 > 0.5 is not met (5.00)',
      // the later rule reads per_tx's line of its own month: none in January, 4.00 in February, 9.00 in March
      't/S1/2025-01/later/A': 'transaction `A` flagged: tariff 50 < per_tx 0 is not met (0.50)',
      't/S1/2025-02/per_tx/B': 'transaction `B` flagged: tariff 5 ≥ standard 10 is not met (0.50)',
      't/S1/2025-02/later/B': 'transaction `B` flagged: tariff 5 < per_tx 4 is not met (0.05)',
      't/S1/2025-02/later/C': 'transaction `C` flagged: tariff 40 < per_tx 4 is not met (0.40)',
      't/S1/2025-03/per_tx/D': 'transaction `D` flagged: tariff 60 ≥ standard 100 is not met (6.00)',
      't/S1/2025-03/later/D': 'transaction `D` flagged: tariff 60 < per_tx 9 is not met (0.60)',
      't/S1/2025-03/later/E': 'transaction `E` flagged: tariff 90 < per_tx 9 is not met (0.90)',
    });
  });
});

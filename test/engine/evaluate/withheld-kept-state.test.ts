// A withheld item made when read keeps only the part of its payee's state that its reason can
// read: no ledger unless an expression reads lines over windows, no settled months, the month's
// lines only when its gate reads lines. Read after the whole run (later months and later payees
// settled), it is the eager item: when its gate reads earlier months' lines through a metric (the
// ledger is then kept), a line of its month, or neither (rural-contract).
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, loadPolicy, settle, type WithheldItem } from '../../../engine/index.js';
import { keptState, LazyWithheld } from '../../../engine/evaluate/lazy-withheld.js';
import type { PayeeState } from '../../../engine/compile/runtime.js';
import { monthsToEvaluate, newPayeeState, resolveRange } from '../../../engine/settle/settle.js';
import { evaluatePayee } from '../../../engine/evaluate/evaluate-payee.js';
import { datasetOf, folderDataset, policyOf } from '../../fixtures/scenario.js';

// the gate reads what `base` paid earlier this year (the ledger) through a metric
const policyText = `
id: t
name: T
version: 1
applies_to: { channel_type: [shop] }
rounding: { scale: 2, mode: half-up }
facts: { sales: { type: money } }
metrics:
  paid_before: sum(base, earlier_this_year)
rules:
  - id: base
    kind: commission
    amount: sales * 0.1
  - id: bonus
    kind: bonus
    gate: { fact: paid_before, operator: greaterThanInclusive, value: 25 }
    amount: sales * 0.05
  - id: extra
    kind: bonus
    gate: { fact: base, operator: greaterThan, value: 5 }
    amount: sales * 0.01
`;

const data = {
  payees: { file: 'payees.csv', text: 'payee_id,name,channel_type\nS1,Shop,shop\nS2,Shop 2,shop\n' },
  facts: {
    file: 'facts.csv',
    text: 'payee_id,period,sales\nS1,2025-01,100\nS1,2025-02,100\nS1,2025-03,100\nS1,2025-04,100\nS2,2025-01,300\nS2,2025-02,10\nS2,2025-03,10\nS2,2025-04,10\n',
  },
};

const fields = (w: WithheldItem) => ({
  id: w.id, period: w.period, payeeId: w.payeeId, policy: w.policy, line: w.line, kind: w.kind,
  reason: w.reason, reasonMessage: w.reasonMessage, wouldPay: w.wouldPay, trace: w.trace,
});

describe('a withheld item made when read keeps what its reason reads', () => {
  it('keeps the ledger when a gate reads lines over windows, and reads it as it was that month', () => {
    const loaded = loadPolicy({ file: 't.yaml', text: policyText });
    if (!loaded.ok) throw new Error(loaded.diagnostics.map(formatDiagnostic).join('\n'));
    const policy = loaded.policy;
    expect(policy.plan.linesOverWindows).toBe(true);
    const dataset = datasetOf(policy, data);
    for (const detail of ['amounts', 'explanation'] as const) {
      const eager = settle(policy, dataset, { detail, lazyReasons: false });
      const lazy = settle(policy, dataset, { detail });
      expect(lazy.withheld.every((w) => w instanceof LazyWithheld)).toBe(true);
      // read after every payee was settled: the eager items, field by field and as JSON
      expect(lazy.withheld.map(fields)).toEqual(eager.withheld.map(fields));
      expect(JSON.stringify(lazy.withheld)).toBe(JSON.stringify(eager.withheld));
    }
    const lazy = settle(policy, dataset, { detail: 'amounts' });
    const bonus = lazy.withheld.filter((w) => w.line === 'bonus');
    // S1 had 10.00 before February, 20.00 before March; S2 had 30.00 from January on
    expect(bonus.map((w) => `${w.payeeId} ${w.period} ${w.wouldPay}`)).toEqual(['S1 2025-01 5.00', 'S1 2025-02 5.00', 'S1 2025-03 5.00', 'S2 2025-01 15.00']);
    expect(bonus[1].reason).toContain('10');
    expect(bonus[2].reason).toContain('20');
  });

  it('keeps the month\'s lines when a gate reads a line of this month, and reads that month\'s', () => {
    const loaded = loadPolicy({ file: 't.yaml', text: policyText });
    if (!loaded.ok) throw new Error(loaded.diagnostics.map(formatDiagnostic).join('\n'));
    const dataset = datasetOf(loaded.policy, data);
    const eager = settle(loaded.policy, dataset, { detail: 'amounts', lazyReasons: false });
    const lazy = settle(loaded.policy, dataset, { detail: 'amounts' });
    const extra = lazy.withheld.filter((w) => w.line === 'extra');
    // S2's base was 1.00 from February on (30.00 in January)
    expect(extra.map((w) => `${w.payeeId} ${w.period} ${w.wouldPay}`)).toEqual(['S2 2025-02 0.10', 'S2 2025-03 0.10', 'S2 2025-04 0.10']);
    expect(extra.every((w) => w.reason.includes('base 1 > 5'))).toBe(true);
    expect(lazy.withheld.map(fields)).toEqual(eager.withheld.map(fields));
  });

  it('keeps no ledger nor settled months where nothing later reads them (rural-contract)', () => {
    const rural = policyOf('rural-contract');
    expect(rural.plan.linesOverWindows).toBe(false);
    const dataset = folderDataset(rural, 'test/fixtures/rural-boundary');
    const range = resolveRange(dataset, {}, rural.plan.lookback);
    // a payee with withheld items, settled with its reasons made at once (nothing kept)
    const payee = dataset.covered.find((p) => p.payeeId === settle(rural, dataset, { detail: 'amounts' }).withheld[0].payeeId)!;
    const state = newPayeeState(payee, dataset);
    const out = evaluatePayee(rural.plan, state, monthsToEvaluate(state, range), { emitFrom: range.from, detail: 'amounts', lazyReasons: false });
    expect(out.withheld.length).toBeGreaterThan(0);
    expect(state.ledger.length).toBeGreaterThan(0);
    expect(state.settled.has(range.from)).toBe(true);
    expect(state.metrics?.size).toBeGreaterThan(0);
    // what its items would keep: the same state less what nothing made later reads
    const kept = keptState(state, false) as PayeeState & Record<string, unknown>;
    const dropped: Record<string, unknown> = { metrics: undefined, metricMonth: undefined, metricRow: undefined, current: [], currentKept: undefined, ledger: [] };
    for (const field of Object.keys(kept)) {
      if (field === 'settled') expect(kept.settled.has(range.from)).toBe(false);
      else if (field in dropped) expect(kept[field], field).toEqual(dropped[field]);
      else expect(kept[field], field).toBe((state as unknown as Record<string, unknown>)[field]);
    }
    expect(keptState(state, true).ledger).toBe(state.ledger);
    // and its items, read after the run, are the eager ones
    const eager = settle(rural, dataset, { detail: 'amounts', lazyReasons: false });
    const lazy = settle(rural, dataset, { detail: 'amounts' });
    expect(lazy.withheld.length).toBeGreaterThan(0);
    expect(lazy.withheld.map(fields)).toEqual(eager.withheld.map(fields));
    expect(JSON.stringify(lazy.withheld)).toBe(JSON.stringify(eager.withheld));
  });
});

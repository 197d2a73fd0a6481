// Properties of every statement, on random rural payees and on the four scenarios: lines sum to
// the totals (overall and by kind), every amount has exactly two decimals and the sign of its
// kind (deductions negative, the rest positive, zero lines left out), and line ids are unique.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exact, LINE_KINDS, readDataset, settle, type Statement } from '../../../engine/index.js';
import { policyOf, SCENARIOS, settleScenario } from '../../fixtures/scenario.js';
import { ruralInput, ruralPayees } from '../../fixtures/random-rural.js';

const rural = policyOf('rural-contract');

function checkStatement(s: Statement) {
  let total = Exact.ZERO;
  const byKind = Object.fromEntries(LINE_KINDS.map((k) => [k, Exact.ZERO]));
  for (const l of s.lines) {
    expect(l.amount).toMatch(/^-?\d+\.\d{2}$/);
    expect(Exact.parse(l.amount).sign(), `${l.id} ${l.amount}`).toBe(l.kind === 'deduction' ? -1 : 1);
    total = total.add(Exact.parse(l.amount));
    byKind[l.kind] = byKind[l.kind].add(Exact.parse(l.amount));
  }
  expect(s.totals.total).toBe(total.toFixed(2));
  for (const k of LINE_KINDS) expect(s.totals.byKind[k]).toBe(byKind[k].toFixed(2));
  expect(new Set(s.lines.map((l) => l.id)).size).toBe(s.lines.length);
  for (const w of s.withheld) if (w.wouldPay !== undefined) expect(w.wouldPay).toMatch(/^-?\d+\.\d{2}$/);
}

describe('statement properties', () => {
  it('hold for random rural payees', () => {
    fc.assert(fc.property(ruralPayees, (payees) => {
      const read = readDataset(ruralInput(payees), rural);
      if (!read.ok) throw new Error(JSON.stringify(read.diagnostics));
      checkStatement(settle(rural, read.dataset, { detail: 'amounts' }));
    }), { numRuns: 60 });
  });

  it.each(SCENARIOS)('hold for the %s scenario', (name) => {
    checkStatement(settleScenario(name));
  });
});

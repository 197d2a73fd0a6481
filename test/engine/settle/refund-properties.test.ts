// Property tests of refunds over random rural-contract payees and random refund schedules:
// a refund never returns more than the deductions it names, it links to exactly the
// deduction lines of its source quarter, and no source quarter is refunded twice in a year.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exact, readDataset, settle, type Statement, type StatementLine } from '../../../engine/index.js';
import { policyOf } from '../../fixtures/scenario.js';
import { ruralInput, ruralPayees } from '../../fixtures/random-rural.js';

/** A whole schedule: every checkpoint month lists every quarter started by then, with a random share. */
const share = fc.integer({ min: 0, max: 100 }).map((p) => (p / 100).toFixed(2));
const schedule = fc.tuple(fc.array(share, { minLength: 10, maxLength: 10 })).map(([s]) =>
  `refund_schedule:\n  3: { Q1: ${s[0]} }\n  6: { Q1: ${s[1]}, Q2: ${s[2]} }\n  9: { Q1: ${s[3]}, Q2: ${s[4]}, Q3: ${s[5]} }\n` +
  `  12: { Q1: ${s[6]}, Q2: ${s[7]}, Q3: ${s[8]}, Q4: ${s[9]} }\n`);

function settleRandom(payees: Parameters<typeof ruralInput>[0], overrides?: string): Statement {
  const policy = policyOf('rural-contract', overrides);
  const read = readDataset(ruralInput(payees), policy);
  if (!read.ok) throw new Error(JSON.stringify(read.diagnostics));
  return settle(policy, read.dataset);
}

const quarterOf = (period: string) => `${period.slice(0, 4)}-Q${Math.ceil(Number(period.slice(5)) / 3)}`;
const sum = (amounts: string[]) => amounts.reduce((s, a) => s.add(Exact.parse(a)), Exact.ZERO);

describe('refund properties', () => {
  it('each refund component returns share × the deductions it links, and those are exactly its quarter\'s deduction lines', () => {
    fc.assert(fc.property(ruralPayees, schedule, (payees, overrides) => {
      const statement = settleRandom(payees, overrides);
      const deductions = statement.lines.filter((l) => l.line === 'under_completion');
      for (const refund of statement.lines.filter((l) => l.line === 'refund')) {
        const components = refund.trace.refunds ?? [];
        let exact = Exact.ZERO;
        for (const c of components) {
          const quarterLines = deductions.filter((d) => d.payeeId === refund.payeeId && quarterOf(d.period) === c.source);
          // the links name exactly the statement's deduction lines of that quarter, with their amounts
          expect(c.returns.map((r) => r.lineId)).toEqual(quarterLines.map((d) => d.id));
          c.returns.forEach((r, i) => expect(Exact.parse(r.amount).eq(Exact.parse(quarterLines[i].amount))).toBe(true));
          // deducted = −Σ linked amounts; amount = share × deducted ≤ deducted
          const deducted = sum(c.returns.map((r) => r.amount)).neg();
          expect(Exact.parse(c.deducted).eq(deducted)).toBe(true);
          // each quarter's part is rounded once (README: 54.05 + 24.02, not the sum rounded)
          expect(Exact.parse(c.amount).eq(Exact.parse(c.share).mul(deducted).round(2, 'half-up'))).toBe(true);
          expect(Exact.parse(c.amount).lte(deducted)).toBe(true);
          exact = exact.add(Exact.parse(c.amount));
        }
        // the line is the sum of its rounded components
        expect(refund.amount).toBe(exact.toFixed(2));
      }
    }), { numRuns: 30 });
  });

  it('refunds never exceed the deductions of the quarters they return, per payee and year', () => {
    fc.assert(fc.property(ruralPayees, schedule, (payees, overrides) => {
      const statement = settleRandom(payees, overrides);
      const byPayee = (p: string, line: string) => statement.lines.filter((l) => l.payeeId === p && l.line === line);
      for (const p of new Set(statement.lines.map((l) => l.payeeId))) {
        const refunds = byPayee(p, 'refund');
        const returned = new Set(refunds.flatMap((r) => (r.trace.refunds ?? []).map((c) => c.source)));
        const deducted = sum(byPayee(p, 'under_completion').filter((d) => returned.has(quarterOf(d.period))).map((d) => d.amount)).neg();
        expect(sum(refunds.map((r) => r.amount)).lte(deducted)).toBe(true);
      }
    }), { numRuns: 30 });
  });

  it('no source quarter is refunded twice in a year, and never before its checkpoint', () => {
    fc.assert(fc.property(ruralPayees, schedule, (payees, overrides) => {
      const statement = settleRandom(payees, overrides);
      const seen = new Map<string, StatementLine>();
      for (const refund of statement.lines.filter((l) => l.line === 'refund')) {
        for (const c of refund.trace.refunds ?? []) {
          const key = `${refund.payeeId} ${c.source}`;
          expect(seen.get(key)?.id, key).toBeUndefined();
          seen.set(key, refund);
          expect(c.returns.every((r) => r.period <= refund.period)).toBe(true);
        }
      }
    }), { numRuns: 30 });
  });
});

// The generated code of a bundled policy is readable (the policy's names in it, one function per
// rule part), the fallback to the reference closures is explicit (which parts, which nodes), and
// a generated function that meets a number past 2^53 or a division by zero hands the rule back
// to the closures: the statement and the error are the reference's.
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, loadPolicy, readDataset, settle, type CompiledPolicy } from '../../../engine/index.js';
import type { Ctx } from '../../../engine/compile/runtime.js';
import { folderDataset, policyOf, SCENARIOS } from '../../fixtures/scenario.js';

const rural = policyOf('rural-contract');
const rule = (policy: CompiledPolicy, id: string) => policy.plan.rules.find((r) => r.id === id)!;

describe('generated integer code of rural-contract', () => {
  const source = rural.plan.rules.flatMap((r) => r.integer?.source ?? []).join('\n\n');
  mkdirSync('test-output', { recursive: true });
  const month = rural.plan.month!;
  writeFileSync('test-output/rural-contract.generated.js', `// generated from policies/rural-contract.yaml by engine/compile/integer\n\n${source}\n\n// the month's function (amounts detail)\n${month.source}\n`);

  it('is one readable function per rule part, named after the rule, reading the policy\'s names', () => {
    for (const name of ['maintenance_amount', 'development_amount', 'over_completion_when', 'over_completion_amount', 'under_completion_amount', 'fee_collection_gate', 'fee_collection_amount', 'arrears_buyout_amount']) {
      expect(source).toMatch(new RegExp(`function ${name}\\(ctx(, _flagged, month_row)?\\)`));
    }
    for (const fact of ['billed_lines', 'new_lines', 'revenue_actual', 'revenue_plan', 'fees_due', 'fees_collected', 'arrears_bought_out']) expect(source).toContain(`const ${fact}_`);
    // lines of earlier rules (the metric `base` inlined) and no floats: only integer operations and checks
    expect(source).toContain('ctx.p.current[0]');
    expect(source).not.toMatch(/\d\.\d/);
  });

  it('is one function per month for every rule but the refund, reading each fact once for all rules', () => {
    expect(rural.plan.rules.filter((r) => month.whole[r.index]).map((r) => r.id)).toEqual(rural.plan.rules.map((r) => r.id).filter((id) => id !== 'refund'));
    expect(month.source).toContain('if (from <= 6) return 6; // refund: not generated whole');
    for (const [k, fact] of ['revenue_plan', 'revenue_actual', 'billed_lines'].entries()) {
      const slot = [0, 1, 2][k];
      // one local per fact, declared once, read from the row only where no earlier rule did
      expect(month.source.match(new RegExp(`let ${fact}_fact_${slot} = `, 'g'))).toHaveLength(1);
      expect(month.source).toContain(`if (!${fact}_fact_${slot}_read)`);
    }
    expect(month.source.match(/M\.paid\(/g)).toHaveLength(7);
    expect(month.source).not.toMatch(/\d\.\d/);
  });

  it('says what it leaves to the reference closures: the refund and nothing else', () => {
    const fallback = rural.plan.rules.flatMap((r) => r.integer?.fallback ?? []);
    expect(fallback).toEqual(['refund amount: `refund` is evaluated by the reference closures']);
    // sums of a fact over a window are generated, and `every` over a metric as a loop over the window's months
    expect(source).toContain('H.windowMonths("quarter_ends", ctx.m)');
    expect(source).toContain('H.windowMonths("year_to_date", month_');
  });

  it('settles the scenario as the reference closures do', () => {
    const dataset = folderDataset(rural, 'data/scenarios/rural-contract');
    for (const detail of ['amounts', 'explanation', 'trace'] as const) {
      // as JSON: a line explained when read writes its explanation there (and in the same key order)
      expect(JSON.stringify(settle(rural, dataset, { detail }))).toBe(JSON.stringify(settle(rural, dataset, { detail, engine: 'reference' })));
    }
  });
});

const POLICY = `
id: edge
name: Edge
version: 1
applies_to: { channel_type: [shop] }
rounding: { scale: 2, mode: half-up }
facts:
  sales: { type: money }
  units: { type: count }
params:
  rate: { type: rate, value: 0.125 }
rules:
  - id: commission
    kind: commission
    amount: sales * rate
  - id: per_unit
    kind: commission
    amount: sales / units
`;

function edge(rows: string[]) {
  const loaded = loadPolicy({ file: 'edge.yaml', text: POLICY });
  if (!loaded.ok) throw new Error(loaded.diagnostics.map(formatDiagnostic).join('\n'));
  const read = readDataset({
    payees: { file: 'payees.csv', text: 'payee_id,name,channel_type\nP1,P,shop' },
    facts: { file: 'facts.csv', text: ['period,payee_id,sales,units', ...rows].join('\n') },
  }, loaded.policy);
  if (!read.ok) throw new Error(read.diagnostics.map(formatDiagnostic).join('\n'));
  return { policy: loaded.policy, dataset: read.dataset };
}

const ctxOf = (dataset: ReturnType<typeof edge>['dataset'], m: number): Ctx => ({
  p: { payee: dataset.covered[0], attributes: [], facts: dataset.facts.get('P1')!, transactions: new Map(), metrics: new Map(), current: [], ledger: [], settled: new Set() }, m,
});

describe('generated integer code of the bundled policies', () => {
  it('leaves to the closures only the amounts that are not generated: allocations, instalments, clawbacks, the refund', () => {
    const fallbacks = Object.fromEntries(SCENARIOS.map((name) => [name, policyOf(name).plan.rules.flatMap((r) => r.integer?.fallback ?? [])]));
    expect(fallbacks).toEqual({
      'rural-contract': ['refund amount: `refund` is evaluated by the reference closures'],
      'postal-agency': [],
      // averages of a fact over the quarter and sums of a rule's earlier lines are generated
      'service-center': [],
      'private-line': [],
      'bonus-pool': ['pool_share amount: `allocate` is evaluated by the reference closures'],
      'piece-rate': [],
      instalments: ['instalment amount: `instalments` is evaluated by the reference closures', 'clawback amount: `clawback` is evaluated by the reference closures'],
    });
    expect(policyOf('piece-rate').plan.rules.flatMap((r) => r.integer?.source ?? []).join('\n')).toContain('H.ledgerUnits(ctx.p.ledger, "piece_wage"');
  });
});

describe('a generated function hands its rule back to the closures', () => {
  it('when a product passes 2^53: the amount is the exact one, half cent rounded up', () => {
    // 90,071,992,547,409.91 × 0.125: 9,007,199,254,740,991 cents × 125 passes 2^53 in integers
    const { policy, dataset } = edge(['2025-01,P1,90071992547409.91,3', '2025-02,P1,0.04,1']);
    const jan = 2025 * 12;
    expect(rule(policy, 'commission').integer!.amount!(ctxOf(dataset, jan), [])).toBeNaN();
    expect(rule(policy, 'commission').integer!.amount!(ctxOf(dataset, jan + 1), [])).toBe(1); // 0.005 → 0.01
    const s = settle(policy, dataset, { detail: 'amounts' });
    expect(s).toEqual(settle(policy, dataset, { detail: 'amounts', engine: 'reference' }));
    expect(s.lines.map((l) => `${l.period} ${l.line} ${l.amount}`)).toEqual([
      '2025-01 commission 11258999068426.24', // 11,258,999,068,426.23875 → .24
      '2025-01 per_unit 30023997515803.30', // ÷ 3 = …803.303…
      '2025-02 commission 0.01',
      '2025-02 per_unit 0.04',
    ]);
  });

  it('when it divides by zero: the reference closures report it, located', () => {
    const { policy, dataset } = edge(['2025-01,P1,10,0']);
    expect(rule(policy, 'per_unit').integer!.amount!(ctxOf(dataset, 2025 * 12), [])).toBeNaN();
    const error = (engine: 'integer' | 'reference') => {
      try { settle(policy, dataset, { detail: 'amounts', engine }); } catch (e) { return (e as Error).message; }
      return 'no error';
    };
    expect(error('integer')).toMatch(/division by zero/);
    expect(error('integer')).toBe(error('reference'));
  });
});

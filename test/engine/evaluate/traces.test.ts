// Every line of every scenario carries its trace: the rule and where it is written, the values
// it read, its conditions with the values they saw, and the formula with numbers whose exact
// result rounds to the line's amount. The CSV explanation is the same, as one sentence.
import { describe, expect, it } from 'vitest';
import { type ConditionTrace, Exact, type StatementLine } from '../../../engine/index.js';
import { SCENARIOS, settleScenario } from '../../fixtures/scenario.js';

/** Every leaf of a condition tree that was evaluated. */
const leaves = (c: ConditionTrace): ConditionTrace[] =>
  c.children ? c.children.flatMap(leaves) : c.operator === 'skipped' ? [] : [c];

function checkTrace(line: StatementLine, policyFile: string) {
  const t = line.trace;
  expect(t.rule).toBe(line.line);
  expect(t.location.file).toBe(policyFile);
  expect(t.location.line).toBeGreaterThan(0);
  // the values the rule read, each with a value
  expect(Object.keys(t.values).length).toBeGreaterThan(0);
  for (const [name, value] of Object.entries(t.values)) expect(value, name).not.toBe('(none)');
  // conditions: a paid line's `when` and `gate` held, and each leaf shows the value it saw
  for (const c of t.conditions) {
    expect(['when', 'gate']).toContain(c.path);
    expect(c.result, `${line.id} ${c.path}`).toBe(true);
    for (const leaf of leaves(c)) {
      expect(leaf.factValue, `${line.id} ${leaf.path}`).toBeDefined();
      expect(leaf.text).toContain(`${leaf.fact} ${leaf.factValue}`);
      expect(leaf.text).toMatch(/ → (true|false)$/);
    }
  }
  // the formula with numbers, and its exact value rounding to the amount
  const f = t.formula!;
  expect(f, line.id).toBeDefined();
  expect(f.expression.length).toBeGreaterThan(0);
  expect(f.substituted).toMatch(/\d/);
  expect(f.rounded).toBe(line.amount);
  // an allocated share is the exact share rounded down or up by largest remainder: within a cent
  if (t.allocation && !f.exact.endsWith('…')) expect(Exact.parse(f.exact).sub(Exact.parse(line.amount)).abs().lt(Exact.parse('0.01'))).toBe(true);
  else if (!f.exact.endsWith('…')) expect(Exact.parse(f.exact).round(2, 'half-up').toFixed(2)).toBe(line.amount);
  expect(line.explanation.startsWith(`${line.line} = ${f.expression} = ${f.substituted} = ${f.exact}`)).toBe(true);
}

describe.each(SCENARIOS)('traces of %s', (name) => {
  const statement = settleScenario(name);

  it('every line has its rule, values, conditions with values and formula with numbers', () => {
    expect(statement.lines.length).toBeGreaterThan(0);
    for (const line of statement.lines) checkTrace(line, `policies/${name}.yaml`);
  });
});

describe('what a trace says, line by line', () => {
  it('a stepped deduction shows every number of its formula and the conditions that held', () => {
    const line = settleScenario('rural-contract').lines.find((l) => l.id === 'rural-contract/R02/2025-01/under_completion')!;
    // base 6467, r = 59810.4 / 64800 = 0.923
    expect(line.trace.formula).toEqual({
      expression: '-(base * min(max_deduction, step_rate * floor((1 - completion) / step)))',
      substituted: '-(6467 * min(0.3, 0.02 * floor((1 - 0.923) / 0.01)))',
      exact: '-905.38',
      rounded: '-905.38',
      rounding: 'half-up to 2 places',
    });
    expect(line.explanation).toBe('under_completion = -(base * min(max_deduction, step_rate * floor((1 - completion) / step))) = ' +
      '-(6467 * min(0.3, 0.02 * floor((1 - 0.923) / 0.01))) = -905.38; because revenue_plan 64800 > 0, completion 0.923 < 1');
  });

  it('a tier line shows the tier reached', () => {
    const line = settleScenario('postal-agency').lines.find((l) => l.id === 'postal-agency/P03/2025-01/competition')!;
    // (393120 + 262080) / 504000 = 1.3 reaches the tier with min 1.2
    expect(line.trace.tier).toEqual({ value: '1.3', reached: { min: '1.2', award: '3500' } });
    expect(line.trace.formula?.substituted).toBe('tier min 1.2 reached by 1.3');
  });

  it('a per-transaction line lists each transaction, paid with its formula or flagged with its condition', () => {
    const line = settleScenario('private-line').lines.find((l) => l.id === 'private-line/L02/2025-05/new_lines')!;
    const items = line.trace.items!;
    expect(items.map((i) => [i.id, i.paid, i.amount])).toEqual([
      ['L02-2025-05-1', true, '3000'], ['L02-2025-05-2', false, '0'], ['L02-2025-05-3', false, '0'],
    ]);
    expect(items[0].formula?.substituted).toBe('0.05 * 5000 * 12');
    expect(items[1].conditions[0].children![0].text).toBe('tariff floor: monthly_tariff 1800 ≥ tariff_floor 2400 → false');
    expect(line.explanation).toMatch(/; flagged: L02-2025-05-2, L02-2025-05-3$/);
  });

  it('an element of a list shows its index with numbers', () => {
    const line = settleScenario('private-line').lines.find((l) => l.id === 'private-line/L01/2025-04/growth_rank')!;
    expect(line.explanation).toBe('growth_rank = rank_awards[growth_position - 1] = rank_awards[3 - 1] = 3000 → 3000.00; because growth_position 3 ≤ awarded_ranks 3');
    expect(line.trace.values.rank_awards).toBe('[10000, 6000, 3000]');
  });

  it('a refund lists the deduction lines it returns', () => {
    const line = settleScenario('rural-contract').lines.find((l) => l.id === 'rural-contract/R02/2025-06/refund')!;
    const { returns, ...component } = line.trace.refunds![0];
    expect(component).toEqual({ source: '2025-Q1', share: '0.8', deducted: '2358.43', amount: '1886.74' });
    // amounts compared as numbers: -791.4 and -791.40 are the same posted amount
    expect(returns.map((r) => [r.lineId, r.period, Exact.parse(r.amount).toFixed(2)])).toEqual([
      ['rural-contract/R02/2025-01/under_completion', '2025-01', '-905.38'],
      ['rural-contract/R02/2025-02/under_completion', '2025-02', '-791.40'],
      ['rural-contract/R02/2025-03/under_completion', '2025-03', '-661.65'],
    ]);
  });
});

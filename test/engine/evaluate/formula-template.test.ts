// Formulas compiled into text pieces for explanations: which ones are (so the comparison of
// explanations with traces in explain-line.test.ts runs through them), with parameters written
// into the fixed text and parentheses where the renderer puts them.
import { describe, expect, it } from 'vitest';
import { formulaTemplate } from '../../../engine/evaluate/formula-template.js';
import { policyOf } from '../../fixtures/scenario.js';
import type { CompiledPolicy } from '../../../engine/index.js';

function template(policy: CompiledPolicy, id: string) {
  const rule = policy.plan.rules.find((r) => r.id === id)!;
  if (rule.amount.type !== 'formula') throw new Error(`${id} is not a formula`);
  return formulaTemplate(policy.plan, rule.amount.formula);
}

describe('formula templates', () => {
  const rural = policyOf('rural-contract');

  it('write parameters into the text and leave a hole for each value read', () => {
    expect(template(rural, 'development')).toEqual({ pieces: ['', ' * 20 + ', ' * 50 + ', ' * 10'], names: ['new_lines', 'new_broadband', 'installs'], parens: [false, false, false] });
    // a primitive's parts: a plain value in parentheses only when its text is not plain (`(-3)`)
    expect(template(rural, 'fee_collection')).toEqual({ pieces: ['0.01 * ', ''], names: ['fees_collected'], parens: [true] });
    expect(template(rural, 'under_completion')).toEqual({
      pieces: ['', ' * min(0.3, 0.02 * floor((1 - ', ') / 0.01))'], names: ['base', 'completion'], parens: [true, false],
    });
  });

  it('cover every formula of the rural policy', () => {
    for (const r of rural.plan.rules) if (r.amount.type === 'formula') expect(template(rural, r.id), r.id).toBeDefined();
  });

  it('leave formulas over windows, conditions and months to their renderers', () => {
    const { plan } = rural;
    const names = (text: string) => formulaTemplate(plan, { text, fn: () => undefined as never, render: () => '', names: new Set() });
    expect(names('sum(revenue_actual, year_to_date) * 2')).toBeUndefined();
    expect(names('if(billed_lines > 3, 1, 2)')).toBeUndefined();
    expect(names('this_month - 1')).toBeUndefined();
    expect(names('-(billed_lines - 3) * maintenance_price')).toEqual({ pieces: ['-(', ' - 3) * 1.5'], names: ['billed_lines'], parens: [false] });
  });
});

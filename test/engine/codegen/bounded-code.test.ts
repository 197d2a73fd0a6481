// What the generator writes stays bounded by what the user wrote: a metric read twice is computed
// once per function (a chain of squares was 2^n copies: 15 MB of code for 15 of them), and a
// function past MAX_LINES is not generated at all (its rule is left to the closures, the
// statement unchanged).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPolicy, settle, type CompiledPolicy } from '../../../engine/index.js';
import { MAX_LINES } from '../../../engine/compile/integer/emitter.js';
import { folderDataset } from '../../fixtures/scenario.js';

const rural = readFileSync('policies/rural-contract.yaml', 'utf8');
const withRule = (metrics: string, rule: string): CompiledPolicy => {
  const loaded = loadPolicy({ file: 'bounded.yaml', text: rural.replace('  fee_ratio:', `${metrics}\n  fee_ratio:`) + rule });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.policy;
};
const sourceOf = (policy: CompiledPolicy, id: string) => policy.plan.rules.find((r) => r.id === id)!.integer!.source.join('\n');

describe('generated code is bounded', () => {
  it('a metric read twice is computed once: 40 squares in a chain are 40 products', () => {
    const chain = Array.from({ length: 40 }, (_, i) => `  sq${i + 1}: ${i ? `sq${i} * sq${i}` : 'completion * completion'}`).join('\n');
    const policy = withRule(chain, '\n  - id: squared\n    kind: bonus\n    amount: sq40\n');
    const source = sourceOf(policy, 'squared');
    expect(source.match(/ \* /g)!.length).toBeLessThan(200);
    expect(policy.plan.month!.source.length).toBeLessThan(200_000);
  });

  it('a function past the line limit is left to the closures, with the same statement', () => {
    // 150 metrics of 25 distinct products each (an expression has at most 1,000 tokens and 100
    // levels), summed in 15 groups by one rule: every term new code, no reuse possible
    const metric = (k: number) => Array.from({ length: 25 }, (_, i) => `(billed_lines + ${k * 25 + i}) * (new_lines + ${i})`).join(' + ');
    const groups = Array.from({ length: 15 }, (_, g) => `  group${g}: '${Array.from({ length: 10 }, (_, k) => `big${g * 10 + k}`).join(' + ')}'`);
    const metrics = [...Array.from({ length: 150 }, (_, k) => `  big${k}: '${metric(k)}'`), ...groups].join('\n');
    const sum = Array.from({ length: 15 }, (_, g) => `group${g}`).join(' + ');
    const policy = withRule(metrics, `\n  - id: huge\n    kind: bonus\n    amount: '${sum}'\n`);
    const rule = policy.plan.rules.find((r) => r.id === 'huge')!;
    expect(rule.integer!.amount).toBeUndefined();
    expect(policy.plan.month!.whole[rule.index]).toBe(false);
    expect(MAX_LINES).toBeGreaterThan(1_000);
    const dataset = folderDataset(policy, 'data/scenarios/rural-contract');
    expect(settle(policy, dataset, { detail: 'amounts' })).toEqual(settle(policy, dataset, { detail: 'amounts', engine: 'reference' }));
  });
});

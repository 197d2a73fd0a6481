// Explanations in 简体中文 written without traces (`explanation` detail with `lang: 'zh-CN'`) are
// the sentences `localizeStatement` renders from the traced statement, byte for byte: the
// rounded amount in yuan, each step that held with the catalogue's words and its values in
// their units — on the bundled scenarios, random policies and the rural boundary set, in
// generated integers and in the reference closures alike.
import { describe, expect, it } from 'vitest';
import { type CompiledPolicy, type Dataset, localizeStatement, settle, type Statement, unitsOf } from '../../../engine/index.js';
import { ExplainedLine } from '../../../engine/evaluate/explained-line.js';
import { SCENARIOS, folderDataset, policyOf } from '../../fixtures/scenario.js';
import { eachRandomInput } from './random-input.js';

const explanations = (s: Statement) => s.lines.map((l) => l.explanation);

/** Compares; returns how many lines were written from integers with a step that held. */
function same(policy: CompiledPolicy, dataset: Dataset): number {
  const units = unitsOf(policy);
  const traced = localizeStatement(settle(policy, dataset, { detail: 'trace', unpaid: true }), 'zh-CN', { units });
  for (const engine of ['integer', 'reference'] as const) {
    const zh = settle(policy, dataset, { detail: 'explanation', lang: 'zh-CN', unpaid: true, engine });
    expect(explanations(zh), engine).toEqual(explanations(traced));
    // the withheld items and the rest of each line are those of English explanation detail
    const en = settle(policy, dataset, { detail: 'explanation', unpaid: true, engine });
    expect(JSON.stringify(zh.lines.map((l) => ({ ...JSON.parse(JSON.stringify(l)), explanation: '' })))).toBe(JSON.stringify(en.lines.map((l) => ({ ...JSON.parse(JSON.stringify(l)), explanation: '' }))));
    expect(JSON.stringify(zh.withheld)).toBe(JSON.stringify(en.withheld));
  }
  const zh = settle(policy, dataset, { detail: 'explanation', lang: 'zh-CN' });
  return zh.lines.filter((l) => l instanceof ExplainedLine && l.explanation.includes('；因为 ')).length;
}

describe('explanations in 简体中文 written without traces', () => {
  for (const name of SCENARIOS) {
    it(`are the rendered traces on the ${name} scenario`, () => {
      const policy = policyOf(name);
      same(policy, folderDataset(policy, `data/scenarios/${name}`));
    });
  }

  it('are the rendered traces at the rural boundaries (half cents, exact gates, past 2^53)', () => {
    const policy = policyOf('rural-contract');
    expect(same(policy, folderDataset(policy, 'test/fixtures/rural-boundary'))).toBeGreaterThan(0);
  });

  it('write rural-contract\'s steps from integers, with yuan and percentages', () => {
    const policy = policyOf('rural-contract');
    const lines = settle(policy, folderDataset(policy, 'data/scenarios/rural-contract'), { detail: 'explanation', lang: 'zh-CN' }).lines;
    const fee = lines.find((l) => l.line === 'fee_collection' && l instanceof ExplainedLine)!;
    expect(fee.explanation).toMatch(/^fee_collection = fee_rate \* fees_collected = 0\.01 \* [\d.]+ = [\d.]+( → ¥[\d,.]+)?；因为 collection gate：fee_ratio [\d.…]+ % ≥ fee_gate 98 %$/);
  });

  it('are the rendered traces on random policies', () => {
    // a run that fails fails alike in either language
    const because = eachRandomInput(40, same, (['en', 'zh-CN'] as const).map((lang) => (policy: CompiledPolicy, dataset: Dataset) => settle(policy, dataset, { detail: 'explanation', lang, unpaid: true })));
    expect(because).toBeGreaterThan(10);
  }, 120_000);
});

// Explanations written straight from the values (explanation detail, no trace made) are the
// sentences the traces give: on the bundled scenarios and on random policies, each line's
// explanation equals `explain` of the same line's full trace and the English rendering of its
// message, the statement equals the reference closures' (`engine: 'reference'`), and 简体中文
// explanations rendered from the traces are the reference's too.
import { describe, expect, it } from 'vitest';
import { type CompiledPolicy, type Dataset, localizeStatement, plainLine, render, settle, type Statement, unitsOf } from '../../../engine/index.js';
import { explain, explanationMessage } from '../../../engine/evaluate/trace.js';
import { ExplainedLine } from '../../../engine/evaluate/explained-line.js';
import { SCENARIOS, folderDataset, policyOf } from '../../fixtures/scenario.js';
import { eachRandomInput } from './random-input.js';

// copied by fields (plainLine): a spread of a line explained when read drops its explanation
const withoutTraces = (s: Statement) => s.lines.map((line) => {
  const { trace: _, ...l } = plainLine(line);
  return JSON.stringify(l);
});

/** Compares the fast explanations with the traced ones; returns how many lines were explained. */
function same(policy: CompiledPolicy, dataset: Dataset): number {
  const fast = settle(policy, dataset, { detail: 'explanation', unpaid: true });
  const reference = settle(policy, dataset, { detail: 'explanation', unpaid: true, engine: 'reference' });
  const traced = settle(policy, dataset, { detail: 'trace', unpaid: true });
  expect(JSON.stringify(fast) === JSON.stringify(reference)).toBe(true);
  expect(fast.lines.map((l) => l.explanation)).toEqual(traced.lines.map((l) => explain(l.trace)));
  expect(fast.lines.map((l) => l.explanation)).toEqual(traced.lines.map((l) => render(explanationMessage(l.trace), 'en')));
  // a line in explanation detail is the traced line with its rule's bare trace
  expect(withoutTraces(fast)).toEqual(withoutTraces(traced));
  expect(JSON.stringify(fast.totals)).toBe(JSON.stringify(traced.totals));
  // lines computed by generated code are explained when read, the same text on every read
  const whenRead = fast.lines.filter((l) => l instanceof ExplainedLine);
  expect(whenRead.map((l) => l.explanation)).toEqual(whenRead.map((l) => l.explanation));
  // 简体中文 comes from the traces: the generated code's are the reference closures'
  const units = unitsOf(policy);
  const zh = localizeStatement(traced, 'zh-CN', { units });
  const zhReference = localizeStatement(settle(policy, dataset, { detail: 'trace', unpaid: true, engine: 'reference' }), 'zh-CN', { units });
  expect(zh.lines.map((l) => l.explanation)).toEqual(zhReference.lines.map((l) => l.explanation));
  expect(zh.lines.map((l) => l.explanation)).toEqual(zh.lines.map((l, i) => (traced.lines[i].trace.formula ? l.explanation : traced.lines[i].explanation)));
  return fast.lines.filter((l) => l.explanation.includes('; because ')).length;
}

describe('explanations written without traces', () => {
  for (const name of SCENARIOS) {
    it(`are the traced ones on the ${name} scenario`, () => {
      const policy = policyOf(name);
      same(policy, folderDataset(policy, `data/scenarios/${name}`));
    });
  }

  it('are the traced ones on random policies', () => {
    // a run that fails fails alike in every detail
    const because = eachRandomInput(40, same, (['trace', 'explanation'] as const).map((detail) => (policy: CompiledPolicy, dataset: Dataset) => settle(policy, dataset, { detail, unpaid: true })));
    expect(because).toBeGreaterThan(20);
  }, 120_000);
});

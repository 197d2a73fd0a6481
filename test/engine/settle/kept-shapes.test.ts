// The objects kept-shapes.ts keeps have the layout (hidden class) of the ones a run makes: else
// they would keep nothing alive, and the run after a full collection would recompile again.
// V8's own check (%HaveSameMap), enabled for functions compiled after the flag is set.
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { settle } from '../../../engine/index.js';
import { Exact } from '../../../engine/exact/exact.js';
import { KEPT_SHAPES } from '../../../engine/settle/kept-shapes.js';
import { monthsToEvaluate, newPayeeState, rangeMonths, resolveRange } from '../../../engine/settle/settle.js';
import { rankPopulation } from '../../../engine/settle/population.js';
import { RankColumns } from '../../../engine/settle/rank-columns.js';
import { PlaceTable } from '../../../engine/settle/place-months.js';
import { LazyFlagged } from '../../../engine/evaluate/lazy-flagged.js';
import { LazyWithheld } from '../../../engine/evaluate/lazy-withheld.js';
import { UnitSums } from '../../../engine/evaluate/unit-sums.js';
import { LineColumns } from '../../../engine/evaluate/line-columns.js';
import { UnitsEntry } from '../../../engine/compile/runtime.js';
import { LINE_KINDS } from '../../../engine/types.js';
import { evaluatePayee } from '../../../engine/evaluate/evaluate-payee.js';
import { keptState } from '../../../engine/evaluate/lazy-withheld.js';
import { evaluateOptions, payeeOutput } from '../../../engine/settle/run-objects.js';
import { PayeeMonth } from '../../../engine/evaluate/payee-month.js';
import { ExplainedLine, ExplanationPool } from '../../../engine/evaluate/explained-line.js';
import { SettledLine } from '../../../engine/evaluate/settled-line.js';
import { planConstants } from '../../../engine/evaluate/plan-constants.js';
import { folderDataset, policyOf } from '../../fixtures/scenario.js';

setFlagsFromString('--allow-natives-syntax');
// eslint-disable-next-line no-new-func -- V8's intrinsic is only reachable from code compiled now
const sameLayout = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

describe('kept shapes', () => {
  const policy = policyOf('private-line');
  const dataset = folderDataset(policy, 'data/scenarios/private-line');
  const statement = settle(policy, dataset, { detail: 'amounts' });

  it('a flagged transaction, a payee state\'s months and the rank pass\'s places have the kept layouts', () => {
    const flagged = statement.withheld.find((w) => w instanceof LazyFlagged);
    expect(flagged).toBeDefined();
    expect(sameLayout(flagged!, KEPT_SHAPES.lazyFlagged)).toBe(true);
    const state = newPayeeState(dataset.covered[0], dataset);
    expect(sameLayout(state.settled, KEPT_SHAPES.monthList)).toBe(true);
    const range = resolveRange(dataset, {}, policy.plan.lookback);
    const population = rankPopulation(policy.plan, dataset.covered.map((p) => newPayeeState(p, dataset)), rangeMonths(range));
    const places = [...population.values()][0];
    expect(sameLayout(places, KEPT_SHAPES.placeMonths)).toBe(true);
  });

  it('a payee state keeps the layout it is made with while it is ranked and settled, the one of its kept copy', () => {
    const range = resolveRange(dataset, {}, policy.plan.lookback);
    const states = dataset.covered.map((p) => newPayeeState(p, dataset));
    const population = rankPopulation(policy.plan, states, rangeMonths(range));
    const fresh = newPayeeState(dataset.covered[0], dataset);
    const state = states[0];
    state.population = population.get(state.payee.payeeId);
    evaluatePayee(policy.plan, state, monthsToEvaluate(state, range), { emitFrom: range.from, detail: 'amounts' });
    expect(sameLayout(state, fresh)).toBe(true);
    expect(sameLayout(keptState(state, true), fresh)).toBe(true);
    expect(sameLayout(keptState(state, false), fresh)).toBe(true);
  });

  it('a gate\'s withheld item has the kept layout', () => {
    const rural = policyOf('rural-contract');
    const withheld = settle(rural, folderDataset(rural, 'test/fixtures/rural-boundary'), { detail: 'amounts' }).withheld;
    const item = withheld.find((w) => w instanceof LazyWithheld);
    expect(item).toBeDefined();
    expect(sameLayout(item!, KEPT_SHAPES.lazyWithheld)).toBe(true);
  });

  it('the classes a run builds from numbers have the kept layouts', () => {
    const columns = new RankColumns(2, 4000);
    columns.set(0, 0, Exact.parse('0.25'));
    columns.setFraction(1, 1, '7/3');
    expect(sameLayout(columns, KEPT_SHAPES.rankColumns)).toBe(true);
    const table = new PlaceTable(['growth_position'], [Int32Array.from([1, 2])], [24300, 24301]);
    expect(sameLayout(table, KEPT_SHAPES.placeTable)).toBe(true);
    // the check tells layouts apart
    expect(sameLayout(table, columns)).toBe(false);
    const sums = Object.fromEntries(LINE_KINDS.map((k) => [k, Exact.ZERO])) as Record<(typeof LINE_KINDS)[number], Exact>;
    expect(sameLayout(new UnitSums(2, sums), KEPT_SHAPES.unitSums)).toBe(true);
    expect(sameLayout(new UnitsEntry(24300, 'refund', 'bonus', 25900, 100, ['2025-Q1']), KEPT_SHAPES.unitsEntry)).toBe(true);
    expect(sameLayout(new LineColumns(2, 32000), KEPT_SHAPES.lineColumns)).toBe(true);
    expect(sameLayout(new LineColumns(2, 32000).withheld, KEPT_SHAPES.lineColumns.withheld)).toBe(true);
    expect(sameLayout(new ExplanationPool(), KEPT_SHAPES.explanationPool)).toBe(true);
    // what settlePlan hands evaluatePayee, with and without explanations, unpaid items and columns
    const unitSums = new UnitSums(2, sums);
    expect(sameLayout(evaluateOptions(24300, 'trace', sums, unitSums, 'reference', false, undefined, undefined), KEPT_SHAPES.evaluateOptions)).toBe(true);
    expect(sameLayout(evaluateOptions(24301, 'amounts', sums, undefined, undefined, true, undefined, { rate: 'percent' }), KEPT_SHAPES.evaluateOptions)).toBe(true);
    expect(sameLayout(payeeOutput([], [], [], new LineColumns(2, 16)), KEPT_SHAPES.payeeOutput)).toBe(true);
  });

  it('lines made when read have the kept layouts', () => {
    const rural = policyOf('rural-contract');
    const data = folderDataset(rural, 'data/scenarios/rural-contract');
    const line = settle(rural, data, { detail: 'explanation' }).lines.find((l) => l instanceof ExplainedLine);
    expect(line).toBeDefined();
    expect(sameLayout(line!, KEPT_SHAPES.explainedLine)).toBe(true);
    // a generated line's and a closure's (the refund)
    const settled = settle(rural, data, { detail: 'amounts' }).lines;
    for (const l of [settled.find((x) => x.line === 'maintenance'), settled.find((x) => x.line === 'refund')]) {
      expect(l).toBeInstanceOf(SettledLine);
      expect(sameLayout(l!, KEPT_SHAPES.settledLine)).toBe(true);
    }
  });

  it('the month sink of a payee has the kept layout, made from a real plan, state and run objects', () => {
    const rural = policyOf('rural-contract');
    const ruralData = folderDataset(rural, 'data/scenarios/rural-contract');
    const state = newPayeeState(ruralData.covered[0], ruralData);
    const sums = Object.fromEntries(LINE_KINDS.map((k) => [k, Exact.ZERO])) as Record<(typeof LINE_KINDS)[number], Exact>;
    const sink = new PayeeMonth(rural.plan, state, { p: state, m: 0 }, evaluateOptions(24300, 'explanation', sums, new UnitSums(2, sums), undefined, undefined, new ExplanationPool(), undefined),
      payeeOutput([], [], undefined, undefined), planConstants(rural.plan));
    expect(sameLayout(sink, KEPT_SHAPES.payeeMonth)).toBe(true);
    expect(sameLayout(sink, KEPT_SHAPES.unitSums)).toBe(false);
  });
});

// One object of each class a run makes and then drops, kept for the life of the process. V8 holds
// an object layout (its hidden class, "map") only weakly: a full collection that finds no object
// of a layout left frees it, deoptimizes every function compiled against it and clears the inline
// caches that saw it. Between two runs every RankColumns, PlaceMonths, LazyFlagged, MonthList …
// is garbage, so the run after a full collection ran in the interpreter and recompiled
// evaluatePayee, placesOf, the generated conditions (2,000 private-line branches: 140–230 ms of
// CPU right after a collection, 80–100 ms in the runs after it). An object made here by the same
// constructor, with values of the same kinds, has the same layout and keeps it alive
// (test/engine/settle/kept-shapes.test.ts checks each against one a run makes).
import { Exact } from '../exact/exact.js';
import type { CompiledRule, Plan } from '../compile/plan.js';
import { type Ctx, MonthList, type PayeeState, UnitsEntry } from '../compile/runtime.js';
import type { TransactionRow } from '../data/dataset.js';
import { LazyFlagged } from '../evaluate/lazy-flagged.js';
import { LazyWithheld } from '../evaluate/lazy-withheld.js';
import { LineColumns } from '../evaluate/line-columns.js';
import { StateAsOf } from '../evaluate/state-as-of.js';
import { UnitSums } from '../evaluate/unit-sums.js';
import { LINE_KINDS, type LineKind, type LineTrace } from '../types.js';
import { PlaceMonths, PlaceTable } from './place-months.js';
import { RankColumns } from './rank-columns.js';
import { evaluateOptions, payeeOutput } from './run-objects.js';
import { PayeeMonth } from '../evaluate/payee-month.js';
import type { PlanConstants } from '../evaluate/plan-constants.js';
import { ExplainedLine, ExplanationPool } from '../evaluate/explained-line.js';
import { SettledLine } from '../evaluate/settled-line.js';

function keptShapes() {
  const state = { current: [] as PayeeState['current'] } as PayeeState;
  const ctx: Ctx = { p: state, m: 0, item: { id: '', period: 0, values: [], line: 0 } as TransactionRow };
  const plan = { id: '', rounding: { scale: 2, mode: 'half-up' } } as unknown as Plan;
  const rule = { id: '', index: 0, kind: 'bonus' } as unknown as CompiledRule;
  const table = new PlaceTable([''], [new Int32Array(1)], [0]);
  const sums = Object.fromEntries(LINE_KINDS.map((k) => [k, Exact.ZERO])) as Record<LineKind, Exact>;
  const unitSums = new UnitSums(2, sums);
  const pool = new ExplanationPool();
  return {
    monthList: new MonthList(),
    unitSums,
    evaluateOptions: evaluateOptions(0, 'amounts', sums, unitSums, undefined, undefined, undefined, undefined),
    payeeOutput: payeeOutput([], [], undefined, undefined),
    unitsEntry: new UnitsEntry(0, '', 'bonus', 0, 100, undefined),
    lineColumns: new LineColumns(2, 1),
    stateAsOf: new StateAsOf(state, ctx),
    lazyWithheld: new LazyWithheld({ plan, rule }, '', '', 0, ctx, state),
    lazyFlagged: new LazyFlagged({ plan, rule }, '', '', '', undefined, ctx, state),
    rankColumns: new RankColumns(2, 1),
    placeTable: table,
    placeMonths: new PlaceMonths(table, 0),
    payeeMonth: new PayeeMonth({ ...plan, rules: [] } as Plan, { payee: { payeeId: '' } } as PayeeState, ctx, evaluateOptions(0, 'amounts', sums, unitSums, undefined, undefined, undefined, undefined), payeeOutput([], [], undefined, undefined), {} as PlanConstants),
    explanationPool: pool,
    explainedLine: new ExplainedLine('', '', '', '', 'bonus', '', { rule: '' } as unknown as LineTrace, pool, { keep: () => 0, write: () => '' }),
    settledLine: new SettledLine('', '', '', '', 'bonus', '', '', { rule: '' } as unknown as LineTrace),
  };
}

/** Referenced from here for as long as the module is loaded: their layouts are never freed. */
export const KEPT_SHAPES = keptShapes();

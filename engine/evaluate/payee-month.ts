// What a rule makes in one of a payee's months, whichever code decided it (the evaluator's loop
// or the generated month function): a line in integer units (to the month's lines, the ledger,
// the sums and the statement), a withheld item, a rule that did not apply. One per payee; its
// month is moved on as the payee's months are evaluated.
import { Exact } from '../exact/exact.js';
import { yearOf } from '../data/period.js';
import type { Plan } from '../compile/plan.js';
import { type Ctx, type PayeeState, UnitsEntry } from '../compile/runtime.js';
import type { MonthSink } from '../compile/integer/generate-month.js';
import type { PlanConstants } from './plan-constants.js';
import type { EvaluateOptions, PayeeOutput } from './evaluate-payee.js';
import { unitsText } from './unit-sums.js';
import { keptState } from './lazy-withheld.js';
import { flaggedItem, unpaid, withheld } from './withheld-items.js';
import type { LineExplainer } from './explain-line.js';
import { ExplainedLine } from './explained-line.js';
import { SettledLine } from './settled-line.js';

// apart from `paid`: a closure in it would make every call allocate a context for `this`
const sourcesOf = (m: number, quarters: number[]) => quarters.map((q) => `${yearOf(m)}-Q${q}`);

export class PayeeMonth implements MonthSink {
  /** The month being evaluated, whether its lines go to the statement, its `YYYY-MM` and line-id suffixes. */
  m = 0;
  emit = false;
  period = '';
  suffix: string[] = [];
  /** The rule last handed to this sink: where an error the generated month function met is located. */
  ri = 0;
  /** Transactions the generated loop flagged for the rule being paid. */
  readonly flagged: number[] = [];
  /** The quarters a refund in units returned, read as soon as it is made. */
  readonly quarters: number[] = [];
  /** A line id is this prefix joined to the month's `period/rule` suffix. */
  readonly prefix: string;
  readonly payeeId: string;
  readonly unit: number;
  readonly full: boolean;
  readonly lazyReasons: boolean;
  #kept: PayeeState | undefined;

  constructor(
    readonly plan: Plan, readonly state: PayeeState, readonly ctx: Ctx,
    readonly options: EvaluateOptions, readonly out: PayeeOutput, readonly constants: PlanConstants,
  ) {
    this.payeeId = state.payee.payeeId;
    this.prefix = `${plan.id}/${this.payeeId}/`;
    this.unit = 10 ** plan.rounding.scale;
    this.full = options.detail === 'trace';
    // outside `trace` detail, withheld and flagged items make their reasons when read, from one kept state
    this.lazyReasons = (options.lazyReasons ?? true) && !this.full;
  }

  /** The payee's state as reasons made later read it, made once (outside `trace` detail). */
  keep(): PayeeState | undefined {
    return this.lazyReasons ? (this.#kept ??= keptState(this.state, this.plan.linesOverWindows)) : undefined;
  }

  id(rule: number): string { return this.prefix + this.suffix[rule]; }

  notApplicable(ri: number): void {
    this.ri = ri;
    const out = this.out;
    if (this.emit && out.unpaid) out.unpaid.push(unpaid(this.plan, this.plan.rules[ri], this.ctx, this.id(ri), this.period, 'not-applicable'));
  }

  withheld(ri: number): void {
    this.ri = ri;
    if (!this.emit) return;
    const out = this.out;
    if (out.columns) { out.columns.withheld.push(out.columns.payeeIndex, this.m, ri, -1); return; }
    const rule = this.plan.rules[ri];
    // an item made when read makes its id then too
    out.withheld.push(withheld(this.constants.planRules[ri], this.ctx, this.lazyReasons ? '' : this.id(ri), this.period, this.full, rule.integer?.amount, this.keep()));
  }

  /** A generated amount (`explainer`: in explanation detail, what writes its sentence): kept as units, an `Exact` made only where one is read (a closure, the ledger, a total past 2^53). */
  paid(ri: number, units: number, explainer?: LineExplainer): void {
    this.ri = ri;
    const rule = this.plan.rules[ri], state = this.state, constants = this.constants;
    const signed = rule.kind === 'deduction' ? -units : units;
    state.current[ri] = signed;
    if (constants.inLedger[ri]) {
      const sources = rule.amount.type === 'refund' && signed !== 0 ? sourcesOf(this.m, this.quarters) : undefined;
      state.ledger.push(new UnitsEntry(this.m, rule.id, rule.kind, signed, this.unit, sources));
    }
    if (!this.emit) return;
    const out = this.out, options = this.options;
    // transactions the generated loop flagged: reported from the closures
    const flagged = this.flagged;
    for (let i = 0; i < flagged.length; i++) {
      if (out.columns) { out.columns.withheld.push(out.columns.payeeIndex, this.m, ri, flagged[i]); continue; }
      const item = state.transactions.get(this.m)![flagged[i]];
      out.withheld.push(flaggedItem(constants.planRules[ri], { p: state, m: this.m, item }, `${this.id(ri)}/${item.id}`, this.period, undefined, this.keep()));
    }
    if (signed === 0) return;
    if (options.unitSums) options.unitSums.add(constants.kindIndex[ri], signed);
    else if (options.sums) options.sums[rule.kind] = options.sums[rule.kind].add(Exact.ratio(signed, this.unit));
    if (out.columns) out.columns.push(this.m, ri, signed);
    else {
      const text = unitsText(signed, this.plan.rounding.scale);
      // in explanation detail, the sentence from the values the generated code kept: written
      // when read where those values are all it needs, else now
      const pooled = explainer?.pooled, pool = options.explanations;
      if (pooled && pool) out.lines.push(new ExplainedLine(this.period, this.payeeId, this.plan.id, rule.id, rule.kind, text, constants.bare[ri], pool, pooled));
      else out.lines.push(new SettledLine(this.period, this.payeeId, this.plan.id, rule.id, rule.kind, text, explainer?.fromUnits ? explainer.fromUnits(this.ctx, text) : '', constants.bare[ri]));
    }
  }
}

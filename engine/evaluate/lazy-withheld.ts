// A withheld item whose reason is made when it is first read (issue 13.3): in a run where
// nobody reads the reasons (totals, line amounts), the gate's failed leaves are never evaluated
// again and no text is rendered. It reads like the eager item — `reason`, `reasonMessage`, and
// JSON with the same keys in the same order — but its reason is an accessor, which a structured
// clone (postMessage, worker threads) drops: only for statements read in the thread that made them.
import type { CompiledRule, Plan } from '../compile/plan.js';
import { type Ctx, lineId, MonthList, type PayeeState } from '../compile/runtime.js';
import { monthIndex } from '../data/period.js';
import { readAsOf, StateAsOf } from './state-as-of.js';
import type { LineKind, LineTrace, MessageData, WithheldItem } from '../types.js';
import { bareTraces } from './plan-constants.js';
import { unitsText } from './unit-sums.js';
import { leanReason } from './withheld-reason.js';

/** A rule with its plan: one per rule of a plan (planConstants), shared by the rule's items. */
export interface PlanRule {
  plan: Plan;
  rule: CompiledRule;
}

/**
 * Only what the item cannot derive is kept (it lives as long as the statement, and every byte of
 * it is copied twice by the young generation's collections while the run goes on): its period,
 * payee and would-pay (in units when generated code computed it: its text is made when read),
 * the rule with its plan, and what its reason is made from — the payee's kept state, as a
 * StateAsOf with the month's lines when the gate reads lines (a gate reads only lines of rules
 * before its own), else itself (the month is the period's); the id, the rule's fields and its
 * bare trace are read off the plan. Six fields and no private method (which would add a seventh).
 */
export class LazyWithheld implements WithheldItem {
  #reason: { text: string; message: MessageData } | undefined;
  readonly #of: PlanRule;
  /** Text, or signed integer units of the policy's scale. */
  readonly #wouldPay: string | number | undefined;
  readonly #at: PayeeState | StateAsOf;

  constructor(
    of: PlanRule, readonly period: string, readonly payeeId: string, wouldPay: string | number | undefined, ctx: Ctx,
    /** The payee's state as `keptState` keeps it. */
    kept: PayeeState,
  ) {
    this.#of = of;
    this.#wouldPay = wouldPay;
    this.#at = of.rule.gate?.readsLines ? new StateAsOf(kept, ctx) : kept;
  }

  get wouldPay(): string | undefined {
    const w = this.#wouldPay;
    return typeof w === 'number' ? unitsText(w, this.#of.plan.rounding.scale) : w;
  }
  get id(): string { return lineId(this.#of.plan.id, this.payeeId, this.period, this.#of.rule.id); }
  get policy(): string { return this.#of.plan.id; }
  get line(): string { return this.#of.rule.id; }
  get kind(): LineKind { return this.#of.rule.kind; }
  get trace(): LineTrace { return bareTraces(this.#of.plan)[this.#of.rule.index]; }

  static #made(w: LazyWithheld): { text: string; message: MessageData } {
    if (w.#reason) return w.#reason;
    const rule = w.#of.rule, at = w.#at;
    const reason = (p: PayeeState, m: number) => leanReason(rule, { p, m });
    return (w.#reason = at instanceof StateAsOf ? at.read(reason) : readAsOf(at, monthIndex(w.period)!, undefined, reason));
  }

  get reason(): string { return LazyWithheld.#made(this).text; }
  get reasonMessage(): MessageData { return LazyWithheld.#made(this).message; }

  toJSON(): WithheldItem {
    return {
      id: this.id, period: this.period, payeeId: this.payeeId, policy: this.policy, line: this.line, kind: this.kind,
      reason: this.reason, reasonMessage: this.reasonMessage, wouldPay: this.wouldPay, trace: this.trace,
    };
  }
}

// what a kept state holds instead of what nothing made later reads (never written: read() puts
// an item's lines in `current` only while it reads, and a kept state is never settled further)
const NO_LINES: PayeeState['current'] = [];
const NO_LEDGER: PayeeState['ledger'] = [];
const NO_MONTHS = new MonthList();

/**
 * What reasons made later need of a payee's state, so that the rest dies young with the payee
 * instead of surviving with the statement (12 of the 82 MB that an amounts statement of 10,000
 * rural-contract payees kept). Not kept: its memoised metrics (made again when a reason reads
 * them), its lines (an item keeps its month's: StateAsOf), its settled months (only a clawback's
 * amount reads them, and items compute their would-pay at once or from an expression), and its
 * ledger unless an expression reads lines over windows (`ledger`). One per payee, shared by its items.
 */
export function keptState(p: PayeeState, ledger: boolean): PayeeState {
  // field by field (a spread of the whole state cost more than the payee's other work); the type
  // names every field, so a field added to PayeeState must be kept or dropped here on purpose
  const kept: PayeeState & Record<keyof PayeeState, unknown> = {
    policyId: p.policyId, files: p.files, payee: p.payee, attributes: p.attributes, facts: p.facts, transactions: p.transactions,
    metrics: undefined, metricMonth: undefined, metricRow: undefined, current: NO_LINES, currentKept: undefined, unit: p.unit,
    ledger: ledger ? p.ledger : NO_LEDGER, settled: NO_MONTHS, population: p.population,
  };
  return kept;
}

// A transaction a per-transaction rule's `where` leaves out, reported when first read: in
// `amounts` detail most runs never read it, and building the condition trace, the reason's text
// and the would-pay amount of every flagged transaction at once was most of what a private-line
// month cost beyond its lines (and most of what the statement kept alive). Its reason, message,
// would-pay amount and trace are made together on first read by the eager `flaggedNow`, from the
// payee's state as it was that month (as LazyWithheld does): the same values, and JSON with the
// same keys in the same order. Like LazyWithheld, its accessors do not survive a structured
// clone: serialise it (JSON) first.
import type { Ctx, PayeeState } from '../compile/runtime.js';
import type { TransactionRow } from '../data/dataset.js';
import { monthIndex } from '../data/period.js';
import type { LineKind, LineTrace, MessageData, WithheldItem } from '../types.js';
import { flaggedNow, transactionCtx } from './flagged-now.js';
import type { PlanRule } from './lazy-withheld.js';
import { readAsOf } from './state-as-of.js';

/**
 * Its fields as an eager item's (own properties: what a spread copies, as localizeStatement does),
 * and what its reason is made from: the rule with its plan, the line's trace, the transaction,
 * the payee's kept state and, for any rule but the first (a rule reads only lines of rules before
 * it), that month's lines. No private method (its brand would be a field) and no object besides:
 * 120 bytes where it was 136 with a StateAsOf of 48.
 */
export class LazyFlagged implements WithheldItem {
  // in the order an eager item has them
  readonly id: string;
  readonly period: string;
  readonly payeeId: string;
  readonly policy: string;
  readonly line: string;
  readonly kind: LineKind;
  #made: WithheldItem | undefined;
  readonly #of: PlanRule;
  readonly #lineTrace: LineTrace | undefined;
  readonly #item: TransactionRow;
  readonly #kept: PayeeState;
  readonly #current: PayeeState['current'] | undefined;

  constructor(
    of: PlanRule, id: string, period: string, payeeId: string, lineTrace: LineTrace | undefined, ctx: Ctx,
    /** The payee's state as `keptState` keeps it. */
    kept: PayeeState,
  ) {
    this.id = id;
    this.period = period;
    this.payeeId = payeeId;
    this.policy = of.plan.id;
    this.line = of.rule.id;
    this.kind = of.rule.kind;
    this.#of = of;
    this.#lineTrace = lineTrace;
    this.#item = ctx.item!;
    this.#kept = kept;
    // the first rule's items keep no lines, and the month's lines array is reused instead of made
    // again for every month with a flagged transaction
    const readsLines = of.rule.index > 0;
    this.#current = readsLines ? ctx.p.current : undefined;
    if (readsLines) ctx.p.currentKept = true;
  }

  static #eager(f: LazyFlagged): WithheldItem {
    if (f.#made) return f.#made;
    const { plan, rule } = f.#of, item = f.#item;
    return (f.#made = readAsOf(f.#kept, monthIndex(f.period)!, f.#current,
      (p, m) => flaggedNow(plan, rule, transactionCtx(rule, p, m, item), f.id, f.period, f.#lineTrace)));
  }

  get reason(): string { return LazyFlagged.#eager(this).reason; }
  get reasonMessage(): MessageData | undefined { return LazyFlagged.#eager(this).reasonMessage; }
  get wouldPay(): string | undefined { return LazyFlagged.#eager(this).wouldPay; }
  get trace(): LineTrace { return LazyFlagged.#eager(this).trace; }

  toJSON(): WithheldItem {
    const e = LazyFlagged.#eager(this);
    return {
      id: this.id, period: this.period, payeeId: this.payeeId, policy: this.policy, line: this.line, kind: this.kind,
      reason: e.reason, reasonMessage: e.reasonMessage, wouldPay: e.wouldPay, trace: e.trace,
    };
  }
}

// A transaction a per-transaction rule's `where` leaves out, reported when first read: in
// `amounts` detail most runs never read it, and building the condition trace, the reason's text
// and the would-pay amount of every flagged transaction at once was most of what a private-line
// month cost beyond its lines (and most of what the statement kept alive). Its reason, message,
// would-pay amount and trace are made together on first read by the eager `make`, from the
// payee's state as it was that month (StateAsOf, as LazyWithheld does): the same values, and
// JSON with the same keys in the same order. Like LazyWithheld, its accessors do not survive a
// structured clone: serialise it (JSON) first.
import type { CompiledRule, Plan } from '../compile/plan.js';
import type { Ctx, PayeeState } from '../compile/runtime.js';
import type { TransactionRow } from '../data/dataset.js';
import type { LineKind, LineTrace, MessageData, WithheldItem } from '../types.js';
import { StateAsOf } from './state-as-of.js';

/** The eager item, made from the transaction as it was that month. */
export type MakeFlagged = (plan: Plan, rule: CompiledRule, p: PayeeState, m: number, item: TransactionRow, id: string, period: string, lineTrace: LineTrace | undefined) => WithheldItem;

export class LazyFlagged implements WithheldItem {
  #made?: WithheldItem;
  readonly #make: MakeFlagged;
  readonly #plan: Plan;
  readonly #rule: CompiledRule;
  readonly #lineTrace: LineTrace | undefined;
  readonly #item: TransactionRow;
  readonly #at: StateAsOf;

  constructor(
    readonly id: string, readonly period: string, readonly payeeId: string, readonly policy: string,
    readonly line: string, readonly kind: LineKind,
    make: MakeFlagged, plan: Plan, rule: CompiledRule, lineTrace: LineTrace | undefined, ctx: Ctx,
    /** The payee's state as `keptState` keeps it. */
    kept: PayeeState,
  ) {
    this.#make = make;
    this.#plan = plan;
    this.#rule = rule;
    this.#lineTrace = lineTrace;
    this.#item = ctx.item!;
    // a rule reads only lines of rules before it: the first rule's items keep no lines, and the
    // month's lines array is reused instead of made again for every month with a flagged transaction
    this.#at = new StateAsOf(kept, ctx, rule.index > 0);
  }

  #eager(): WithheldItem {
    return (this.#made ??= this.#at.read((p, m) => this.#make(this.#plan, this.#rule, p, m, this.#item, this.id, this.period, this.#lineTrace)));
  }

  get reason(): string { return this.#eager().reason; }
  get reasonMessage(): MessageData | undefined { return this.#eager().reasonMessage; }
  get wouldPay(): string | undefined { return this.#eager().wouldPay; }
  get trace(): LineTrace { return this.#eager().trace; }

  toJSON(): WithheldItem {
    const e = this.#eager();
    return {
      id: this.id, period: this.period, payeeId: this.payeeId, policy: this.policy, line: this.line, kind: this.kind,
      reason: e.reason, reasonMessage: e.reasonMessage, wouldPay: e.wouldPay, trace: e.trace,
    };
  }
}

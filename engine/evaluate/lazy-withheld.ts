// A withheld item whose reason is made when it is first read (issue 13.3): in a run where
// nobody reads the reasons (totals, line amounts), the gate's failed leaves are never evaluated
// again and no text is rendered. It reads like the eager item — `reason`, `reasonMessage`, and
// JSON with the same keys in the same order — but its reason is an accessor, which a structured
// clone (postMessage, worker threads) drops: only for statements read in the thread that made them.
import type { CompiledRule } from '../compile/plan.js';
import type { Ctx } from '../compile/runtime.js';
import type { LineKind, LineTrace, MessageData, WithheldItem } from '../types.js';

export type MakeReason = (rule: CompiledRule, ctx: Ctx) => { text: string; message: MessageData };

export class LazyWithheld implements WithheldItem {
  #reason?: { text: string; message: MessageData };
  readonly #source: { make: MakeReason; rule: CompiledRule; ctx: Ctx };

  constructor(
    readonly id: string, readonly period: string, readonly payeeId: string, readonly policy: string,
    readonly line: string, readonly kind: LineKind, readonly wouldPay: string | undefined, readonly trace: LineTrace,
    /** How the reason is made, from the rule and the payee's state as it was in the item's month. */
    source: { make: MakeReason; rule: CompiledRule; ctx: Ctx },
  ) {
    this.#source = source;
  }

  #made() { return (this.#reason ??= this.#source.make(this.#source.rule, this.#source.ctx)); }
  get reason(): string { return this.#made().text; }
  get reasonMessage(): MessageData { return this.#made().message; }

  toJSON(): WithheldItem {
    return {
      id: this.id, period: this.period, payeeId: this.payeeId, policy: this.policy, line: this.line, kind: this.kind,
      reason: this.reason, reasonMessage: this.reasonMessage, wouldPay: this.wouldPay, trace: this.trace,
    };
  }
}

/** The payee's state as it is in month `ctx.m`, kept for a reason made later: that month's lines, the rest shared. */
export function frozenCtx(ctx: Ctx): Ctx {
  return { p: Object.create(ctx.p, { current: { value: ctx.p.current, writable: true } }) as Ctx['p'], m: ctx.m };
}

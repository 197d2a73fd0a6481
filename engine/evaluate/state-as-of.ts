// A payee's kept state (`keptState`) as it was in one month of the run, for what is made after
// the run (reasons read late): its lines of that month (a new array each month) are put back
// while `f` reads it. Its memoised metrics are not kept, so `f` makes them again, for that month.
import type { Ctx, PayeeState } from '../compile/runtime.js';

export class StateAsOf {
  // private fields and a getter, no own property: items made later extend this class, and
  // their own enumerable properties stay those of a statement item
  readonly #month: number;
  readonly #kept: PayeeState;
  readonly #current: PayeeState['current'] | undefined;

  /**
   * `ctx`: the context the item was made in, while its month was being evaluated; `readsLines`
   * false when what is made later reads no line of the month (the month's lines are not kept).
   */
  constructor(kept: PayeeState, ctx: Ctx, readsLines = true) {
    this.#kept = kept;
    this.#month = ctx.m;
    this.#current = readsLines ? ctx.p.current : undefined;
    if (readsLines) ctx.p.currentKept = true;
  }

  get month(): number { return this.#month; }

  read<T>(f: (p: PayeeState, m: number) => T): T {
    const p = this.#kept, now = p.current;
    p.current = this.#current ?? [];
    try {
      return f(p, this.#month);
    } finally {
      p.current = now;
    }
  }
}

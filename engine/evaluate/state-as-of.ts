// A payee's kept state (`keptState`) as it was in one month of the run, for what is made after
// the run (reasons read late): its lines of that month (a new array each month) are put back
// while `f` reads it. Its memoised metrics are not kept, so `f` makes them again, for that month.
import type { Ctx, PayeeState } from '../compile/runtime.js';

/** `f` reads `kept` as it was in `month`, with that month's lines (none when not given). */
export function readAsOf<T>(kept: PayeeState, month: number, current: PayeeState['current'] | undefined, f: (p: PayeeState, m: number) => T): T {
  const now = kept.current;
  kept.current = current ?? [];
  try {
    return f(kept, month);
  } finally {
    kept.current = now;
  }
}

export class StateAsOf {
  // private fields and a getter, no own property: what holds it keeps the own enumerable
  // properties of a statement item
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
    return readAsOf(this.#kept, this.#month, this.#current, f);
  }
}

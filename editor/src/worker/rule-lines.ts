// A run's statement kept as columns, one set per rule: the payee (its index in payees.csv), the
// month and the amount in integer cents of every line, in payee then month order, and how many
// items the rule withheld. No line object, id or explanation outlives the settle that made it.
// Amounts are 32-bit integers while every line's fits (below 21 million a line: half the memory
// of 64-bit numbers, 38 MB a run at 100,000 payees × 12 months × 8 rules), 64-bit otherwise.
import { amountOf, type LineKind, type StatementColumns } from '../../../engine/index.js';
import { centsOfUnits } from './cents.js';
import type { ColumnPool } from './column-pool.js';

/** Amounts in cents: 32-bit while they fit, else 64-bit numbers (whole, safe). */
export type Cents = Int32Array | Float64Array;

/** True when `c` (whole cents) is held exactly by an Int32Array. */
const fits32 = (c: number) => (c | 0) === c;

export interface RuleLines {
  rule: string;
  kind: LineKind;
  payee: Int32Array;
  month: Int32Array;
  cents: Cents;
  withheld: number;
  /** The sum of the absolute amounts, in cents: bounds every sum of these lines. */
  bound: number;
}

/** A run's lines by rule id (rule order), over the whole dataset. */
export type RunLines = Map<string, RuleLines>;

/** Payee id → index in payees.csv. */
export interface LineIndex { payee: Map<string, number> }

/** Orders lines by payee, then month (months below 2^20: any year up to 87,000). */
export const lineKey = (payee: number, month: number) => payee * 1_048_576 + month;

/**
 * The lines a rule makes when it makes one per payee and month (most rules do): the size its
 * columns start at when no earlier run tells. Columns grown by doubling from a small size leave
 * their smaller copies as garbage: 8 rules at 100,000 payees, about 750 MB outside the JS heap,
 * collected late. `from` and `to` are `YYYY-MM`.
 */
export function linesExpected(payees: number, from: string, to: string): number {
  const month = (p: string) => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7));
  const months = month(to) - month(from) + 1;
  return months > 0 && months <= 1200 ? payees * months : 1024;
}

/**
 * The payee and month columns of a line per payee and month (payees in order, `from` to `to`,
 * `YYYY-MM`): what a first run's columns are compared with, as most rules make exactly these, so
 * a first run makes them once rather than once per rule (8 rules at 100,000 payees: 67 MB of
 * copies left to the next full collection). Undefined past the sizes `linesExpected` trusts.
 */
export function gridColumns(payees: ArrayLike<number>, from: string, to: string): { payee: Int32Array; month: Int32Array } | undefined {
  const month = (p: string) => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7)) - 1;
  const first = month(from), months = month(to) - first + 1;
  if (!(months > 0 && months <= 1200) || !payees.length) return undefined;
  const payee = new Int32Array(payees.length * months), monthOf = new Int32Array(payees.length * months);
  for (let p = 0, i = 0; p < payees.length; p++) for (let m = 0; m < months; m++, i++) { payee[i] = payees[p]; monthOf[i] = first + m; }
  return { payee, month: monthOf };
}

/**
 * A payee or month column as it is settled: the kept column `like` (the rule's in the run this
 * one starts from) as long as every value equals it, so an equal column is never made again;
 * its own array, from `pool`, from the first value that differs.
 */
class LazyColumn {
  private own?: Int32Array;
  constructor(private readonly like: Int32Array | undefined, private readonly capacity: number, private readonly pool?: ColumnPool) {}
  set(i: number, v: number) {
    let own = this.own;
    if (!own) {
      const like = this.like;
      if (like && i < like.length && like[i] === v) return;
      own = this.own = this.pool?.int32(Math.max(this.capacity, i + 1)) ?? new Int32Array(Math.max(this.capacity, i + 1));
      if (like) own.set(like.subarray(0, Math.min(i, like.length)));
    }
    if (i >= own.length) own = this.own = this.grown(own, i);
    own[i] = v;
  }
  private grown(own: Int32Array, n: number): Int32Array {
    const b = grow(own, n, Math.max(own.length * 2, 1024));
    this.pool?.release(own);
    return b;
  }
  /** The first `n` values: `like` itself when they are all of it. */
  done(n: number): Int32Array {
    const own = this.own ?? (n === this.like?.length ? this.like : undefined);
    if (own) return fit(own, n);
    return this.like ? this.like.subarray(0, n) : new Int32Array(n); // a view of the kept column: its first n values
  }
  /** Gives its own array back (a run given up). */
  discard() { if (this.own) this.pool?.release(this.own); }
}

/** `a`'s first `n` values in a new array of `size` (of `to`'s kind, else `a`'s). */
function grow<T extends Int32Array | Float64Array>(a: T, n: number, size: number, to?: new (n: number) => Int32Array | Float64Array): T {
  const b = new ((to ?? a.constructor) as new (n: number) => T)(size);
  b.set(a.subarray(0, n));
  return b;
}

/** The first `n` values of `a`, without a copy: `a` itself, or a view of its buffer (each column owns its buffer). */
const fit = <T extends Int32Array | Float64Array>(a: T, n: number): T => (a.length === n ? a : a.subarray(0, n) as T);

/** What a rule's columns start from: the lines expected, and the kept payee and month columns they may equal. */
export interface ColumnsLike { capacity: number; payee?: Int32Array; month?: Int32Array }

/** A rule's lines as they are settled: payee and month columns made only where they differ from kept ones, amounts in a typed array (no boxed numbers, little garbage). */
class Builder {
  readonly payee: LazyColumn;
  readonly month: LazyColumn;
  cents: Cents;
  n = 0;
  withheld = 0;
  bound = 0;
  /** `like.capacity`: the lines expected (the rule's count in the last run), so the columns are made once, at their size. */
  constructor(readonly rule: string, readonly kind: LineKind, like: ColumnsLike, private readonly pool?: ColumnPool) {
    this.payee = new LazyColumn(like.payee, like.capacity, pool);
    this.month = new LazyColumn(like.month, like.capacity, pool);
    this.cents = pool?.int32(like.capacity) ?? new Int32Array(like.capacity);
  }
  push(payee: number, month: number, cents: number) {
    if (this.n === this.cents.length) this.grow(Math.max(this.n * 2, 1024));
    if (this.cents instanceof Int32Array && !fits32(cents)) this.grow(this.cents.length, Float64Array);
    this.payee.set(this.n, payee);
    this.month.set(this.n, month);
    this.cents[this.n++] = cents;
    this.bound += Math.abs(cents);
  }
  /** The amounts in a new array of `size`, 64-bit with `to` (a line past 32 bits). */
  private grow(size: number, to?: typeof Float64Array) {
    const b = grow(this.cents, this.n, size, to);
    this.pool?.release(this.cents);
    this.cents = b;
  }
  /** Lines settled elsewhere (the helper's half of the payees), after these. */
  append(lines: RuleLines) {
    const more = lines.cents.length;
    // the helper's amounts are 64-bit only when one is past 32 bits
    const wide = lines.cents instanceof Float64Array && this.cents instanceof Int32Array ? Float64Array : undefined;
    if (this.n + more > this.cents.length || wide) this.grow(Math.max(this.n + more, this.cents.length), wide);
    for (let i = 0; i < more; i++) {
      this.payee.set(this.n + i, lines.payee[i]);
      this.month.set(this.n + i, lines.month[i]);
    }
    this.cents.set(lines.cents, this.n);
    this.n += more;
    this.withheld += lines.withheld;
    this.bound += lines.bound;
  }
  done(): RuleLines {
    const n = this.n;
    return sorted({ rule: this.rule, kind: this.kind, payee: this.payee.done(n), month: this.month.done(n), cents: fit(this.cents, n), withheld: this.withheld, bound: this.bound });
  }
  discard() {
    this.payee.discard();
    this.month.discard();
    this.pool?.release(this.cents);
  }
}

/** Parts arrive in payees.csv order, so lines are already in order; sorted (in new columns) whatever the engine's order. */
function sorted(l: RuleLines): RuleLines {
  const key = (i: number) => lineKey(l.payee[i], l.month[i]);
  let inOrder = true;
  for (let i = 1; i < l.cents.length && inOrder; i++) inOrder = key(i - 1) <= key(i);
  if (inOrder) return l;
  const order = Array.from({ length: l.cents.length }, (_, i) => i).sort((a, b) => key(a) - key(b) || a - b);
  const cents = l.cents instanceof Int32Array ? Int32Array.from(order, (i) => l.cents[i]) : Float64Array.from(order, (i) => l.cents[i]);
  return { ...l, payee: Int32Array.from(order, (i) => l.payee[i]), month: Int32Array.from(order, (i) => l.month[i]), cents };
}

/** Collects builders for the rules in `rules` (id → kind) from statements settled part by part. */
export class RunLinesBuilder {
  private readonly builders = new Map<string, Builder>();
  /**
   * `like`: each rule's expected line count and the kept columns its own may equal (rule id →
   * columns), when known; else `otherwise` lines. Arrays come from `pool` when given.
   */
  constructor(private readonly index: LineIndex, rules: { id: string; kind: LineKind }[], like?: ReadonlyMap<string, ColumnsLike>, otherwise = 1024, pool?: ColumnPool) {
    for (const r of rules) this.builders.set(r.id, new Builder(r.id, r.kind, like?.get(r.id) ?? { capacity: otherwise }, pool));
  }

  /** Lines of the same rules settled elsewhere, for payees after those added here. */
  append(lines: RuleLines[]): void {
    for (const l of lines) this.builders.get(l.rule)?.append(l);
  }

  /** The lines of a statement settled as columns (payees and rules indexed as in it). */
  add(columns: StatementColumns): void {
    const payees = Int32Array.from(columns.payeeIds, (id) => this.index.payee.get(id) ?? -1);
    const rules = columns.rules.map((r) => this.builders.get(r.id));
    const { payee, month, rule, units, scale } = columns;
    for (let i = 0; i < columns.length; i++) {
      const b = rules[rule[i]];
      if (b) b.push(payees[payee[i]], month[i], centsOfUnits(units[i], scale, () => amountOf(columns, i)));
    }
    const withheld = columns.withheld;
    for (let i = 0; i < withheld.length; i++) {
      const b = rules[withheld.rule[i]];
      if (b) b.withheld++;
    }
  }

  done(): RunLines {
    return new Map([...this.builders].map(([id, b]) => [id, b.done()]));
  }

  /** Gives the arrays made so far back to the pool (a run given up). */
  discard(): void {
    for (const b of this.builders.values()) b.discard();
  }
}

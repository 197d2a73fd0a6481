// A run's statement kept as columns, one set per rule: the payee (its index in payees.csv), the
// month and the amount in integer cents of every line, in payee then month order, and how many
// items the rule withheld. No line object, id or explanation outlives the settle that made it.
import { amountOf, type LineKind, type StatementColumns } from '../../../engine/index.js';
import { centsOfUnits } from './cents.js';

export interface RuleLines {
  rule: string;
  kind: LineKind;
  payee: Int32Array;
  month: Int32Array;
  cents: Float64Array;
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

/** A rule's lines as they are settled: typed arrays grown by doubling (no array of boxed numbers, little garbage). */
class Builder {
  payee: Int32Array;
  month: Int32Array;
  cents: Float64Array;
  n = 0;
  withheld = 0;
  bound = 0;
  /** `capacity`: the lines expected (the rule's count in the last run), so the columns are made once, at their size. */
  constructor(readonly rule: string, readonly kind: LineKind, capacity = 1024) {
    this.payee = new Int32Array(capacity);
    this.month = new Int32Array(capacity);
    this.cents = new Float64Array(capacity);
  }
  /** Room for `more` lines, doubling. */
  private room(more: number) {
    if (this.n + more <= this.cents.length) return;
    const size = Math.max(this.cents.length * 2, this.n + more, 1024);
    const grow = <T extends Int32Array | Float64Array>(a: T): T => { const b = new (a.constructor as new (n: number) => T)(size); b.set(a.subarray(0, this.n)); return b; };
    [this.payee, this.month, this.cents] = [grow(this.payee), grow(this.month), grow(this.cents)];
  }
  push(payee: number, month: number, cents: number) {
    this.room(1);
    this.payee[this.n] = payee;
    this.month[this.n] = month;
    this.cents[this.n++] = cents;
    this.bound += Math.abs(cents);
  }
  /** Parts arrive in payees.csv order, so lines are already in order; kept so whatever the engine's order. */
  private sortIfNeeded() {
    const key = (i: number) => lineKey(this.payee[i], this.month[i]);
    let sorted = true;
    for (let i = 1; i < this.n && sorted; i++) sorted = key(i - 1) <= key(i);
    if (sorted) return;
    const order = Array.from({ length: this.n }, (_, i) => i).sort((a, b) => key(a) - key(b) || a - b);
    [this.payee, this.month, this.cents] = [Int32Array.from(order, (i) => this.payee[i]), Int32Array.from(order, (i) => this.month[i]), Float64Array.from(order, (i) => this.cents[i])];
  }
  /** Lines settled elsewhere (the helper's half of the payees), after these. */
  append(lines: RuleLines) {
    this.room(lines.cents.length);
    this.payee.set(lines.payee, this.n);
    this.month.set(lines.month, this.n);
    this.cents.set(lines.cents, this.n);
    this.n += lines.cents.length;
    this.withheld += lines.withheld;
    this.bound += lines.bound;
  }
  done(): RuleLines {
    this.sortIfNeeded();
    const n = this.n;
    // at the size expected, the columns are kept as made (no copy)
    const fit = <T extends Int32Array | Float64Array>(a: T): T => (a.length === n ? a : a.slice(0, n) as T);
    return { rule: this.rule, kind: this.kind, payee: fit(this.payee), month: fit(this.month), cents: fit(this.cents), withheld: this.withheld, bound: this.bound };
  }
}

/** Collects builders for the rules in `rules` (id → kind) from statements settled part by part. */
export class RunLinesBuilder {
  private readonly builders = new Map<string, Builder>();
  /** `sizes`: the lines each rule is expected to make (rule id → count), when known; else `otherwise`. */
  constructor(private readonly index: LineIndex, rules: { id: string; kind: LineKind }[], sizes?: ReadonlyMap<string, number>, otherwise?: number) {
    for (const r of rules) this.builders.set(r.id, new Builder(r.id, r.kind, sizes?.get(r.id) ?? otherwise));
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
    for (const w of columns.withheld) {
      const b = this.builders.get(w.line);
      if (b) b.withheld++;
    }
  }

  done(): RunLines {
    return new Map([...this.builders].map(([id, b]) => [id, b.done()]));
  }
}

// A run's statement kept as columns, one set per rule: the payee (its index in payees.csv), the
// month and the amount in integer cents of every line, in payee then month order, and how many
// items the rule withheld. No line object, id or explanation outlives the settle that made it.
import type { LineKind, Statement } from '../../../engine/index.js';
import { toCents } from './cents.js';

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

/** Payee id → index in payees.csv, and period (`YYYY-MM`) → month number. */
export interface LineIndex { payee: Map<string, number>; months: Map<string, number> }

/** Orders lines by payee, then month (months below 2^20: any year up to 87,000). */
export const lineKey = (payee: number, month: number) => payee * 1_048_576 + month;

export const monthNumber = (period: string) => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;

/** A rule's lines as they are settled: typed arrays grown by doubling (no array of boxed numbers, little garbage). */
class Builder {
  payee = new Int32Array(1024);
  month = new Int32Array(1024);
  cents = new Float64Array(1024);
  n = 0;
  withheld = 0;
  bound = 0;
  constructor(readonly rule: string, readonly kind: LineKind) {}
  push(payee: number, month: number, cents: number) {
    if (this.n === this.cents.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T): T => { const b = new (a.constructor as new (n: number) => T)(a.length * 2); b.set(a); return b; };
      [this.payee, this.month, this.cents] = [grow(this.payee), grow(this.month), grow(this.cents)];
    }
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
  done(): RuleLines {
    this.sortIfNeeded();
    const n = this.n;
    return { rule: this.rule, kind: this.kind, payee: this.payee.slice(0, n), month: this.month.slice(0, n), cents: this.cents.slice(0, n), withheld: this.withheld, bound: this.bound };
  }
}

/** Collects builders for the rules in `rules` (id → kind) from statements settled part by part. */
export class RunLinesBuilder {
  private readonly builders = new Map<string, Builder>();
  constructor(private readonly index: LineIndex, rules: { id: string; kind: LineKind }[]) {
    for (const r of rules) this.builders.set(r.id, new Builder(r.id, r.kind));
  }

  add(statement: Statement): void {
    const { payee, months } = this.index;
    let last: Builder | undefined;
    for (const line of statement.lines) {
      const b = last?.rule === line.line ? last : this.builders.get(line.line);
      if (!b) continue;
      last = b;
      let m = months.get(line.period);
      if (m === undefined) months.set(line.period, (m = monthNumber(line.period)));
      b.push(payee.get(line.payeeId) ?? -1, m, toCents(line.amount));
    }
    for (const w of statement.withheld) {
      const b = this.builders.get(w.line);
      if (b) b.withheld++;
    }
  }

  done(): RunLines {
    return new Map([...this.builders].map(([id, b]) => [id, b.done()]));
  }
}

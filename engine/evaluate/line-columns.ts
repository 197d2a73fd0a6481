// Statement lines as typed columns (issue 13.3): payee index, month, rule index and signed amount
// in integer units, appended as lines are made. No line object, id or amount text exists until
// someone reads a line (`lineOf`), so a run that only sums, compares or charts amounts (the
// editor's preview, impact reports) makes no garbage per line.
import type { Exact } from '../exact/exact.js';
import { exactUnits } from '../compile/runtime.js';
import { WithheldColumnsSink } from './withheld-columns.js';

export class LineColumns {
  length = 0;
  payee: Int32Array;
  month: Int32Array;
  rule: Uint16Array;
  /** Signed amount in units of 10^-scale; NaN where it is not a safe integer (its text is in `wide`). */
  units: Float64Array;
  /** Amount text of the lines whose units are NaN, by line index. */
  readonly wide = new Map<number, string>();
  /** The payee whose lines are being appended: its index in the statement's payee list. */
  payeeIndex = 0;
  /** The run's withheld items, as columns too. */
  readonly withheld = new WithheldColumnsSink();

  constructor(readonly scale: number, capacity = 1024) {
    this.payee = new Int32Array(capacity);
    this.month = new Int32Array(capacity);
    this.rule = new Uint16Array(capacity);
    this.units = new Float64Array(capacity);
  }

  /** Appends a line of `units` (signed, a safe integer) made by rule `rule` in month `m`. */
  push(m: number, rule: number, units: number): void {
    if (this.length === this.units.length) this.grow();
    const i = this.length++;
    this.payee[i] = this.payeeIndex;
    this.month[i] = m;
    this.rule[i] = rule;
    this.units[i] = units;
  }

  /** Appends a line whose exact amount is already rounded to the scale. */
  pushExact(m: number, rule: number, amount: Exact, unit: number): void {
    const units = exactUnits(amount, unit);
    this.push(m, rule, units);
    if (units !== units) this.wide.set(this.length - 1, amount.toFixed(this.scale));
  }

  /** The columns cut to their length (views, no copy). */
  trimmed(): { payee: Int32Array; month: Int32Array; rule: Uint16Array; units: Float64Array } {
    const n = this.length;
    return { payee: this.payee.subarray(0, n), month: this.month.subarray(0, n), rule: this.rule.subarray(0, n), units: this.units.subarray(0, n) };
  }

  private grow(): void {
    const size = this.units.length * 2;
    const payee = new Int32Array(size), month = new Int32Array(size), rule = new Uint16Array(size), units = new Float64Array(size);
    payee.set(this.payee);
    month.set(this.month);
    rule.set(this.rule);
    units.set(this.units);
    this.payee = payee;
    this.month = month;
    this.rule = rule;
    this.units = units;
  }
}

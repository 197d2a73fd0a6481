// Withheld items as typed columns (issue 13.3), beside the lines' columns: payee index, month,
// rule index and the transaction a rule's `where` left out (-1 for a whole line a gate held).
// A run as columns keeps four numbers per item — no object, no reason, no payee state kept
// for a reason made later — and an item is made only when someone asks for it (`withheldOf`
// settles its payee again). Kept objects were most of what such a run left to the collector:
// the rural columns run made 1.26–1.3× as many payee-months per CPU-second without them.
import type { WithheldColumns } from '../types.js';

export class WithheldColumnsSink {
  length = 0;
  payee: Int32Array;
  month: Int32Array;
  rule: Uint16Array;
  transaction: Int32Array;

  constructor(capacity = 256) {
    this.payee = new Int32Array(capacity);
    this.month = new Int32Array(capacity);
    this.rule = new Uint16Array(capacity);
    this.transaction = new Int32Array(capacity);
  }

  /** Appends rule `rule`'s item withheld from payee `payee` in month `m` (`transaction` -1: the whole line). */
  push(payee: number, m: number, rule: number, transaction: number): void {
    if (this.length === this.payee.length) this.grow();
    const i = this.length++;
    this.payee[i] = payee;
    this.month[i] = m;
    this.rule[i] = rule;
    this.transaction[i] = transaction;
  }

  /** The columns cut to their length (views, no copy). */
  trimmed(): WithheldColumns {
    const n = this.length;
    return { length: n, payee: this.payee.subarray(0, n), month: this.month.subarray(0, n), rule: this.rule.subarray(0, n), transaction: this.transaction.subarray(0, n) };
  }

  private grow(): void {
    const size = this.payee.length * 2;
    const payee = new Int32Array(size), month = new Int32Array(size), rule = new Uint16Array(size), transaction = new Int32Array(size);
    payee.set(this.payee);
    month.set(this.month);
    rule.set(this.rule);
    transaction.set(this.transaction);
    this.payee = payee;
    this.month = month;
    this.rule = rule;
    this.transaction = transaction;
  }
}

// Lines as typed columns, as Ratecard's `settleColumns` gives them and the hand-written integer
// function can write them: payee index, month index, rule index and signed cents, no object per
// line. The bench compares both on the same output (and reads them back as BenchLines, untimed).
import { Exact, type StatementColumns } from '../engine/index.js';
import type { BenchLine } from './bench-line.js';
import { period } from './rural-data.js';

/** What both kinds of columns have: StatementColumns and BenchColumns. */
export type ColumnsLike = Pick<StatementColumns, 'payeeIds' | 'scale' | 'length' | 'payee' | 'month' | 'rule' | 'units'> & { rules: readonly { id: string }[]; wide?: Map<number, string> };

/** Columns the hand-written function appends to, sized up as they fill. */
export class BenchColumns implements ColumnsLike {
  length = 0;
  payee = new Int32Array(1024);
  month = new Int32Array(1024);
  rule = new Uint16Array(1024);
  units = new Float64Array(1024);
  readonly scale = 2;

  constructor(readonly payeeIds: string[], readonly rules: readonly { id: string }[]) {}

  push(payee: number, month: number, rule: number, cents: number): void {
    if (this.length === this.units.length) this.grow();
    const i = this.length++;
    this.payee[i] = payee;
    this.month[i] = month;
    this.rule[i] = rule;
    this.units[i] = cents;
  }

  /** Appends lines already made as BenchLines (a payee the integer function handed to Exact). */
  pushLines(payee: number, lines: readonly BenchLine[]): void {
    for (const l of lines) {
      const [y, m] = l.period.split('-').map(Number);
      this.push(payee, y * 12 + m - 1, this.rules.findIndex((r) => r.id === l.line), Exact.parse(l.amount).mul(Exact.of(100)).toNumber());
    }
  }

  private grow(): void {
    const n = this.units.length * 2;
    const payee = new Int32Array(n), month = new Int32Array(n), rule = new Uint16Array(n), units = new Float64Array(n);
    payee.set(this.payee); month.set(this.month); rule.set(this.rule); units.set(this.units);
    Object.assign(this, { payee, month, rule, units });
  }
}

export const isColumns = (x: readonly BenchLine[] | ColumnsLike): x is ColumnsLike => !Array.isArray(x);

/** Columns read back as BenchLines (untimed: for fingerprints and differences). */
export function linesOfColumns(c: ColumnsLike): BenchLine[] {
  const out: BenchLine[] = [];
  for (let i = 0; i < c.length; i++) {
    const units = c.units[i];
    const amount = units === units ? Exact.ratio(units, 10 ** c.scale).toFixed(c.scale) : c.wide!.get(i)!;
    const m = c.month[i];
    out.push({ period: period(Math.floor(m / 12), (m % 12) + 1), payeeId: c.payeeIds[c.payee[i]], line: c.rules[c.rule[i]].id, amount });
  }
  return out;
}

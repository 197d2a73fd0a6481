// The state the compiled closures read while one payee is evaluated: the payee's facts by
// month, memoised metrics, this month's lines and the ledger of earlier lines.
import { Exact } from '../exact/exact.js';
import type { FactRow, FieldValue, TransactionRow } from '../data/dataset.js';
import type { LineKind, PayeeRecord } from '../types.js';
import type { Value } from './values.js';

export interface LedgerEntry {
  /** Set for lines read from a store; otherwise derived when a trace needs it (lineId). */
  id?: string;
  month: number;
  rule: string;
  kind: LineKind;
  amount: Exact;
  /** `amount` in integer units of the policy's scale, when generated code made it so. */
  units?: number;
  /** For refunds: source quarters returned, as `YYYY-Qn`. */
  sources?: string[];
}

export interface PayeeState {
  /** The policy being settled, for line ids. */
  policyId?: string;
  /** The dataset's file names, for problems located at a data cell. */
  files?: { payees: string; facts: string; transactions?: string };
  payee: PayeeRecord;
  /** The payee's attributes the policy reads, in layout order. */
  attributes: FieldValue[];
  facts: Map<number, FactRow>;
  transactions: Map<number, TransactionRow[]>;
  /** month → metric slot → value; a slot is filled on first read. */
  metrics?: Map<number, (Value | undefined)[]>;
  /** The row of `metrics` read last and its month: most reads are of the month being evaluated. */
  metricMonth?: number;
  metricRow?: (Value | undefined)[];
  /**
   * This month's rounded amounts by rule index (signed), undefined when the rule made no line:
   * a number is the amount in integer units of the policy's scale (`unit`), as generated code
   * makes it, kept without an `Exact` until a closure reads it (`lineAt`).
   */
  current: (Exact | number | undefined)[];
  /** Whether something made during the month keeps `current` (a reason made later): the next month takes a new array. */
  currentKept?: boolean;
  /** 10^scale of the policy being settled: what one unit of a line in `current` is worth. */
  unit?: number;
  ledger: LedgerEntry[];
  /** Months whose lines are known: settled in this run, or posted in the history it was given. */
  settled: MonthSet;
  /**
   * month → name → value, filled by the population pass before the payee is settled: ranks
   * (1 = first) and aggregates by metric name, allocated shares by rule id.
   */
  population?: Map<number, Map<string, number | Exact>>;
}

export interface Ctx {
  p: PayeeState;
  /** Month index being evaluated. */
  m: number;
  /** The transaction being paid, inside a for_each rule. */
  item?: TransactionRow;
  /** Derived per-transaction values, inside a for_each rule. */
  derived?: (Value | undefined)[];
}

/**
 * A ledger entry of a line generated code made in integer units: its exact amount is made only
 * when read (a refund in units reads `units`, a closure or a trace reads `amount`).
 */
export class UnitsEntry implements LedgerEntry {
  #amount?: Exact;

  constructor(
    readonly month: number, readonly rule: string, readonly kind: LineKind,
    readonly units: number, private readonly unit: number, readonly sources?: string[],
  ) {}

  get amount(): Exact { return (this.#amount ??= Exact.ratio(this.units, this.unit)); }
}

/** A payee's settled months: a Set's `has` and `add` (tests pass one). */
export interface MonthSet { has(month: number): boolean; add(month: number): unknown }

/**
 * Settled months as a short list: a payee's year is a dozen months added in order, which a
 * list holds in one small array where a Set grows its table three times.
 */
export class MonthList implements MonthSet {
  readonly #months: number[];
  constructor(months: number[] = []) { this.#months = months; }
  has(month: number): boolean { return this.#months.includes(month); }
  add(month: number): this {
    const list = this.#months;
    if (!list.includes(month)) list.push(month);
    return this;
  }
}

/** An exact amount as integer units of 1/`unit`, or NaN when that is not a safe integer. */
export function exactUnits(amount: Exact, unit: number): number {
  const { n, d } = amount;
  if (d !== d || unit % d !== 0) return NaN;
  const units = n * (unit / d);
  return Number.isSafeInteger(units) ? units : NaN;
}

/** A ledger entry's amount in units of 1/`unit` (kept when generated code made it), or NaN when not whole. */
export const entryUnits = (e: LedgerEntry, unit: number): number => (e.units !== undefined ? e.units : exactUnits(e.amount, unit));

/** The line rule `k` made this month, exact (0 when it made none). */
export function lineAt(p: PayeeState, k: number): Exact {
  const v = p.current[k];
  return v === undefined ? Exact.ZERO : typeof v === 'number' ? Exact.ratio(v, p.unit!) : v;
}

/** `policy/payee/period/line`: the id of a statement line. */
export function lineId(policyId: string, payeeId: string, period: string, rule: string): string {
  return `${policyId}/${payeeId}/${period}/${rule}`;
}

export type Fn<T extends Value = Value> = (ctx: Ctx) => T;

// Totals of a run in integer cents: by payee and kind (a typed array per kind, indexed by the
// payee's place in payees.csv), and the statement's totals, printed as the engine prints them.
import { LINE_KINDS, type LineKind, type PayeeRecord, type Totals } from '../../../engine/index.js';
import { centsText, checkSafe } from './cents.js';
import type { ColumnPool } from './column-pool.js';
import type { SummaryColumns } from './payee-columns.js';
import type { LineIndex, RunLines } from './rule-lines.js';

export interface PayeeSums {
  byKind: Record<LineKind, Float64Array>;
  total: Float64Array;
  /** 1 for a payee with at least one line. */
  has: Uint8Array;
  kindTotals: Record<LineKind, number>;
}

/** Sums of runs already summed (the saved version's run is compared with every edit). */
const summed = new WeakMap<RunLines, PayeeSums>();

/** The sums of `run`, made once (their arrays from `pool` when given, zeroed). */
export function payeeSums(run: RunLines, payees: number, pool?: ColumnPool): PayeeSums {
  const known = summed.get(run);
  if (known && known.total.length === payees) return known;
  const zeros = () => (pool ? pool.float64(payees).subarray(0, payees).fill(0) : new Float64Array(payees));
  const byKind = Object.fromEntries(LINE_KINDS.map((k) => [k, zeros()])) as Record<LineKind, Float64Array>;
  const kindTotals = Object.fromEntries(LINE_KINDS.map((k) => [k, 0])) as Record<LineKind, number>;
  const total = zeros();
  const has = new Uint8Array(payees);
  let bound = 0;
  for (const r of run.values()) {
    bound += r.bound;
    const sums = byKind[r.kind];
    let sum = 0;
    for (let i = 0; i < r.cents.length; i++) {
      const p = r.payee[i], c = r.cents[i];
      sums[p] += c;
      total[p] += c;
      has[p] = 1;
      sum += c;
    }
    kindTotals[r.kind] += sum;
  }
  checkSafe(bound);
  const sums = { byKind, total, has, kindTotals };
  summed.set(run, sums);
  return sums;
}

/** `run` is no longer kept: its sums' arrays go to `pool` (an edit's sums are 9 arrays of a number per payee). */
export function releaseSums(run: RunLines, pool: ColumnPool): void {
  const sums = summed.get(run);
  if (!sums) return;
  summed.delete(run);
  pool.release(sums.total);
  for (const k of LINE_KINDS) pool.release(sums.byKind[k]);
}

export function totalsOfSums(s: PayeeSums): Totals {
  return {
    total: centsText(LINE_KINDS.reduce((t, k) => t + s.kindTotals[k], 0)),
    byKind: Object.fromEntries(LINE_KINDS.map((k) => [k, centsText(s.kindTotals[k])])) as Record<LineKind, string>,
  };
}

/** Each covered payee's total and totals by kind, as columns to transfer (copies: the sums are kept for later impacts). */
export function summaryColumns(s: PayeeSums, covered: PayeeRecord[], index: LineIndex): SummaryColumns {
  return {
    covered: Int32Array.from(covered, (p) => index.payee.get(p.payeeId)!),
    total: s.total.slice(),
    byKind: Object.fromEntries(LINE_KINDS.map((k) => [k, s.byKind[k].slice()])) as Record<LineKind, Float64Array>,
  };
}

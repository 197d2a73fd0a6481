// What the hand-written private-line settlements share: the months of the dataset, the
// month's growth ranking (only the awarded places are kept: a partial selection, no full
// sort), and the lines of every covered payee in each month. The arithmetic (Exact or
// integers) is the caller's. The policy's facts and transaction fields are all numbers, so all exact.
import type { Dataset, Exact } from '../engine/index.js';
import type { BenchLine } from './bench-line.js';
import { period } from './rural-data.js';

export interface PrivateLineArithmetic<K> {
  /** The month's ranking key of a branch (growth, then revenue). */
  key(facts: Exact[]): K;
  /** Negative when `a` ranks before `b`: growth descending, then revenue descending. */
  compare(a: K, b: K): number;
  /** Appends a branch's lines of one month; `place` is its growth place, 1 = first, 0 when not awarded. */
  month(facts: Exact[], transactions: { values: Exact[] }[] | undefined, place: number, emit: (line: string, amount: string) => void): void;
}

/** policies/private-line.yaml's `rank_awards`: places that earn a bonus. */
export const AWARDED_PLACES = 3;

/** The first AWARDED_PLACES payees of a month, best first; ties go to the smaller payee id, as in Ratecard. */
function awarded<K>(dataset: Dataset, m: number, a: PrivateLineArithmetic<K>): Map<string, number> {
  const top: { payeeId: string; key: K }[] = [];
  const before = (x: { payeeId: string; key: K }, y: { payeeId: string; key: K }) => {
    const c = a.compare(x.key, y.key);
    return c < 0 || (c === 0 && x.payeeId < y.payeeId);
  };
  for (const p of dataset.covered) {
    const row = dataset.facts.get(p.payeeId)?.get(m);
    if (!row) continue;
    const entry = { payeeId: p.payeeId, key: a.key(row.values as Exact[]) };
    if (top.length === AWARDED_PLACES && !before(entry, top[AWARDED_PLACES - 1])) continue;
    let i = Math.min(top.length, AWARDED_PLACES - 1);
    top[i] = entry;
    for (; i > 0 && before(entry, top[i - 1]); i--) [top[i], top[i - 1]] = [top[i - 1], top[i]];
  }
  return new Map(top.map((t, i) => [t.payeeId, i + 1]));
}

export function settlePrivateLine<K>(dataset: Dataset, a: PrivateLineArithmetic<K>, out: BenchLine[]): void {
  if (!dataset.months) return;
  const { first, last } = dataset.months;
  const places: Map<string, number>[] = [];
  for (let m = first; m <= last; m++) places.push(awarded(dataset, m, a));
  for (const p of dataset.covered) {
    const payeeId = p.payeeId;
    const facts = dataset.facts.get(payeeId);
    const transactions = dataset.transactions.get(payeeId);
    for (let m = first; m <= last; m++) {
      const row = facts?.get(m);
      if (!row) continue;
      const at = period(Math.floor(m / 12), (m % 12) + 1);
      a.month(row.values as Exact[], transactions?.get(m) as { values: Exact[] }[] | undefined, places[m - first].get(payeeId) ?? 0, (line, amount) => out.push({ period: at, payeeId, line, amount }));
    }
  }
}

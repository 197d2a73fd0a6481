// One object per distinct exact value in a dataset's facts, transactions and payee attributes:
// `readDataset` makes an `Exact` per cell (about 50 bytes each, 10 million cells at 100,000
// payees × 12 months), while counts and round amounts repeat across payees and months. `Exact`
// is immutable, so cells holding equal values can share one object; the settle reads the same
// numbers. Values beyond safe integers (n is NaN) stay as they are.
import { type Dataset, Exact } from '../../../engine/index.js';

type Cell = Exact | string | undefined;

/** The values met so far, one object per distinct value. */
export class ValuePool {
  private readonly byN = new Map<number, Exact | Map<number, Exact>>();

  /** The pooled value equal to `v` (the first one met). */
  of(v: Exact): Exact {
    const { n, d } = v;
    if (Number.isNaN(n)) return v;
    const known = this.byN.get(n);
    if (known === undefined) { this.byN.set(n, v); return v; }
    if (known instanceof Exact) {
      if (known.d === d) return known;
      this.byN.set(n, new Map([[known.d, known], [d, v]]));
      return v;
    }
    const same = known.get(d);
    if (same) return same;
    known.set(d, v);
    return v;
  }

  share(cells: Cell[]): void {
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      if (c instanceof Exact) cells[i] = this.of(c);
    }
  }
}

/** `dataset` with equal exact values shared, in place (with those already in `pool`); returns it. */
export function shareValues(dataset: Dataset, pool = new ValuePool()): Dataset {
  for (const months of dataset.facts.values()) for (const row of months.values()) pool.share(row.values);
  for (const months of dataset.transactions.values()) for (const rows of months.values()) for (const row of rows) pool.share(row.values);
  for (const values of dataset.payeeValues.values()) pool.share(values);
  return dataset;
}

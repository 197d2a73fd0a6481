// The rank keys of one rank metric as columns: for entry i and key k, the numerator and the
// denominator in Float64Arrays while both are safe integers (all the generated and bench data,
// and most real data), the `Exact` only for a key held as BigInt. Ordering compares the columns
// (compareFractions) instead of building and comparing an `Exact` per key and comparison, and
// first the quotients as floats: n / d of safe integers is correctly rounded and rounding is
// monotonic, so two quotients that differ as floats order their fractions; only equal floats
// (ties, and fractions a hair apart) are compared exactly.
import { Exact } from '../exact/exact.js';
import type { Ctx } from '../compile/runtime.js';
import type { RankKeysReader } from '../compile/integer/generate-rank-keys.js';
import { compareFractions } from './compare-fractions.js';
import { sortIndices } from './sort-indices.js';

const FRACTION = /^-?\d{1,15}\/\d{1,15}$/;

export class RankColumns {
  readonly #n: Float64Array[];
  readonly #d: Float64Array[];
  /** n / d as a float; NaN for a key held as BigInt (compared exactly). */
  readonly #q: Float64Array[];
  /** Keys beyond safe integers, by key then entry (sparse). */
  readonly #big: (Exact | undefined)[][];
  length = 0;

  constructor(keys: number, capacity: number) {
    this.#n = Array.from({ length: keys }, () => new Float64Array(capacity));
    this.#d = Array.from({ length: keys }, () => new Float64Array(capacity));
    this.#q = Array.from({ length: keys }, () => new Float64Array(capacity));
    this.#big = Array.from({ length: keys }, () => []);
  }

  /** Sets key `k` of entry `i` (entries are added in order: `length` follows the highest). */
  set(i: number, k: number, v: Exact): void {
    // an Exact held as BigInt has no numerator as a number (NaN)
    if (v.n === v.n) {
      this.#n[k][i] = v.n;
      this.#d[k][i] = v.d;
      this.#q[k][i] = v.n / v.d;
    } else {
      this.#big[k][i] = v;
      this.#q[k][i] = NaN;
    }
    if (i >= this.length) this.length = i + 1;
  }

  /** Sets every key of entry `i` by a generated reader; false when it could not (nothing set). */
  read(i: number, reader: RankKeysReader, ctx: Ctx): boolean {
    if (!reader(ctx, this.#n, this.#d, this.#q, i)) return false;
    if (i >= this.length) this.length = i + 1;
    return true;
  }

  /** Sets key `k` of entry `i` from `Exact.toFraction` text (keys that crossed worker threads). */
  setFraction(i: number, k: number, text: string): void {
    if (FRACTION.test(text)) {
      const slash = text.indexOf('/');
      const n = Number(text.slice(0, slash)), d = Number(text.slice(slash + 1));
      if (d > 0) {
        this.#n[k][i] = n;
        this.#d[k][i] = d;
        this.#q[k][i] = n / d;
        if (i >= this.length) this.length = i + 1;
        return;
      }
    }
    this.set(i, k, Exact.fromFraction(text));
  }

  /** Key `k` of entries `i` and `j` compared exactly. */
  compare(k: number, i: number, j: number): -1 | 0 | 1 {
    const big = this.#big[k];
    if (big.length && (big[i] || big[j])) return this.#exact(k, i).cmp(this.#exact(k, j));
    const n = this.#n[k], d = this.#d[k];
    return compareFractions(n[i], d[i], n[j], d[j]);
  }

  #exact(k: number, i: number): Exact {
    return this.#big[k][i] ?? Exact.ratio(this.#n[k][i], this.#d[k][i]);
  }

  /**
   * `entries` sorted in place by each key in turn (`desc[k]`: larger first), ties by `tie`;
   * stable, as the ranking was with one `Exact` per key.
   */
  order(entries: Int32Array, desc: boolean[], tie: (i: number, j: number) => number): Int32Array {
    const keys = desc.length;
    const q = this.#q;
    const sign = desc.map((d) => (d ? -1 : 1));
    return sortIndices(entries, (i, j) => {
      for (let k = 0; k < keys; k++) {
        const a = q[k][i], b = q[k][j];
        // NaN (a BigInt key) and equal floats fall through to the exact comparison
        const c = a < b ? -1 : a > b ? 1 : this.compare(k, i, j);
        if (c) return sign[k] * c;
      }
      return tie(i, j);
    });
  }
}

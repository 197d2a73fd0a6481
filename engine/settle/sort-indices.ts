// Sorts entry indices by a comparator, stably, in place: a merge sort over Int32Arrays (runs of
// 16 by insertion first). The comparator is called directly from JS, so the JIT inlines a
// monomorphic one, where `Array.prototype.sort` calls it from the runtime for every comparison
// (most of what ranking a month cost).

const RUN = 16;

/** `entries` ordered by `before` (negative: `i` first); equal entries keep their order. */
export function sortIndices(entries: Int32Array, before: (i: number, j: number) => number): Int32Array {
  const n = entries.length;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(lo + RUN, n);
    for (let i = lo + 1; i < hi; i++) {
      const x = entries[i];
      let j = i - 1;
      for (; j >= lo && before(entries[j], x) > 0; j--) entries[j + 1] = entries[j];
      entries[j + 1] = x;
    }
  }
  if (n <= RUN) return entries;
  let from: Int32Array = entries, to: Int32Array = new Int32Array(n);
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n), hi = Math.min(lo + 2 * width, n);
      let i = lo, j = mid, k = lo;
      // the left run wins ties: stable
      while (i < mid && j < hi) to[k++] = before(from[j], from[i]) < 0 ? from[j++] : from[i++];
      while (i < mid) to[k++] = from[i++];
      while (j < hi) to[k++] = from[j++];
    }
    [from, to] = [to, from];
  }
  if (from !== entries) entries.set(from);
  return entries;
}

// "Did you mean …?": the closest known name by edit distance, when it is close enough. Bounded:
// no suggestion for a name over 64 characters, at most 1,000 candidates looked at, candidates
// whose length alone rules them out skipped, and each comparison stops once it cannot win.
const MAX_NAME = 64;
const MAX_CANDIDATES = 1000;

export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  if (name.length > MAX_NAME) return undefined;
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  let looked = 0;
  for (const c of candidates) {
    if (++looked > MAX_CANDIDATES) break;
    if (c.length > MAX_NAME || Math.abs(c.length - name.length) >= bestDistance) continue;
    const d = distance(name, c, bestDistance);
    if (d < bestDistance) { best = c; bestDistance = d; }
  }
  return best;
}

/** Levenshtein distance, or `bound` as soon as it is certain to be at least `bound`. */
function distance(a: string, b: string, bound: number): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    let least = row[0];
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
      if (row[j] < least) least = row[j];
    }
    if (least >= bound) return bound;
  }
  return row[b.length];
}

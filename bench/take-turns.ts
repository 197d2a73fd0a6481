// Runs that take turns on the same data: each timed on a collected heap (`npm run bench` runs
// node with --expose-gc) and kept only as a fingerprint of its lines, its line objects let go,
// so no run pays for the garbage or the live lines of the runs before it (a larger live heap
// slows the allocation-bound hand-written integer functions most). They take turns `rounds`
// times and each counts with its fastest round: the machine is shared, and which run goes first
// after a chunk is read swings a single round.
import { type BenchLine, differencesOf, type Fingerprint, fingerprint, keyed } from './bench-line.js';
import { type Clock, timed } from './clock.js';
import { type ColumnsLike, isColumns, linesOfColumns } from './bench-columns.js';

export interface Turns<N extends string> {
  /** Each run's fastest round (CPU time). */
  best: Map<N, Clock>;
  results: Map<N, Fingerprint>;
  /** Where two runs differ (they are run again, untimed, to say where); empty when they agree. */
  differences: (a: N, b: N, names: [string, string]) => string[];
  /** A run's lines again, untimed. */
  again: (name: N) => readonly BenchLine[];
}

/** A run's output: line objects, or lines as columns (read back as lines untimed). */
export type RunOutput = readonly BenchLine[] | ColumnsLike;
const linesOf = (x: RunOutput): readonly BenchLine[] => (isColumns(x) ? linesOfColumns(x) : x);

export function takeTurns<N extends string>(runs: [N, () => RunOutput][], rounds: number): Turns<N> {
  const results = new Map<N, Fingerprint>();
  const best = new Map<N, Clock>();
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of runs) {
      const [lines, t] = timed(run);
      if (!best.has(name) || t.cpu < best.get(name)!.cpu) best.set(name, t);
      if (round === 0) results.set(name, fingerprint(linesOf(lines)));
    }
  }
  const runOf = new Map(runs);
  const again = (name: N) => linesOf(runOf.get(name)!());
  const differences = (a: N, b: N, names: [string, string]) =>
    results.get(a)!.digest === results.get(b)!.digest ? [] : differencesOf(keyed(again(a)), keyed(again(b)), names);
  return { best, results, differences, again };
}

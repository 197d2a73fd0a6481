// Ranks of a run in one process, straight from the rank keys (no fraction text, no record):
// each rank metric's keys as columns (RankColumns), each month ordered, each payee's place kept
// in an Int32Array by payee and month. The places then become the payees' population maps.
import type { Exact } from '../exact/exact.js';
import type { CompiledMetric } from '../compile/plan.js';
import type { Fn, PayeeState } from '../compile/runtime.js';
import { RankColumns } from './rank-columns.js';

type RankBy = NonNullable<CompiledMetric['rank']>['by'];

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * What reads each rank key: a key that is a metric is computed without its memo (`metrics`: the
 * plan's, by name), as each is read once per payee and month, and a memo row would only be garbage.
 */
export const rankKeyReaders = (by: RankBy, metrics: readonly CompiledMetric[]): Fn[] =>
  by.map((k) => metrics.find((m) => m.name === k.name)?.compute ?? k.value);

/** One rank metric's places: entry `state × months + month` is 1 for the first, 0 without facts. */
export function placesOf(by: RankBy, states: PayeeState[], months: number[], metrics: readonly CompiledMetric[]): Int32Array {
  const keys = rankKeyReaders(by, metrics);
  const width = months.length;
  let count = 0;
  for (const s of states) for (const m of months) if (s.facts.has(m)) count++;
  const columns = new RankColumns(by.length, count);
  const slot = new Int32Array(count);
  const byMonth: number[][] = months.map(() => []);
  // entries payee by payee, then month by month: the order of the rows of a run in parts
  let i = 0;
  states.forEach((s, si) => {
    const ctx = { p: s, m: 0 };
    months.forEach((m, mi) => {
      if (!s.facts.has(m)) return;
      ctx.m = m;
      for (let k = 0; k < keys.length; k++) columns.set(i, k, keys[k](ctx) as Exact);
      slot[i] = si * width + mi;
      byMonth[mi].push(i++);
    });
    // metrics the keys read die young instead of surviving the whole pass (a rank key reads
    // no rank, so nothing read later is lost)
    s.metrics?.clear();
    s.metricMonth = undefined;
    s.metricRow = undefined;
  });
  const desc = by.map((k) => k.order === 'desc');
  const payeeId = (e: number) => states[(slot[e] - (slot[e] % width)) / width].payee.payeeId;
  const places = new Int32Array(states.length * width);
  for (const entries of byMonth) {
    columns.order(entries, desc, (a, b) => byId(payeeId(a), payeeId(b))).forEach((e, place) => { places[slot[e]] = place + 1; });
  }
  return places;
}

interface Shared { map?: Map<string, number | Exact>; next: Shared[] }

/**
 * Each payee's places by month as its population maps (`names[k]` → `places[k]`). With
 * `share`, payees and months with the same places share one map (most maps are a single
 * place): only when nothing adds to the maps afterwards (no aggregates, no allocations).
 */
export function placeMaps(names: string[], places: Int32Array[], states: PayeeState[], months: number[], share: boolean): Map<string, Map<number, Map<string, number | Exact>>> {
  const out = new Map<string, Map<number, Map<string, number | Exact>>>();
  const width = months.length;
  const root: Shared = { next: [] };
  states.forEach((s, si) => {
    let byMonth = out.get(s.payee.payeeId);
    for (let mi = 0; mi < width; mi++) {
      const at = si * width + mi;
      // every rank metric ranks the same payee-months: those with facts
      if (!names.length || places[0][at] === 0) continue;
      let node = root;
      if (share) for (const column of places) node = node.next[column[at]] ??= { next: [] };
      const map = node.map ?? new Map(names.map((name, k) => [name, places[k][at]]));
      if (share) node.map = map;
      if (!byMonth) out.set(s.payee.payeeId, (byMonth = new Map()));
      byMonth.set(months[mi], map);
    }
  });
  return out;
}

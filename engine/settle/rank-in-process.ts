// Ranks of a run in one process, straight from the rank keys (no fraction text, no record):
// each rank metric's keys as columns (RankColumns), each month ordered, each payee's place kept
// in an Int32Array by payee and month. The places then become the payees' population maps.
import type { Exact } from '../exact/exact.js';
import type { CompiledMetric } from '../compile/plan.js';
import type { Ctx, Fn, PayeeState } from '../compile/runtime.js';
import { RankColumns } from './rank-columns.js';
import { PlaceMonths, PlaceTable } from './place-months.js';

type Rank = NonNullable<CompiledMetric['rank']>;
type RankBy = Rank['by'];

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * What reads each rank key: a key that is a metric is computed without its memo (`metrics`: the
 * plan's, by name), as each is read once per payee and month, and a memo row would only be garbage.
 */
export const rankKeyReaders = (by: RankBy, metrics: readonly CompiledMetric[]): Fn[] =>
  by.map((k) => metrics.find((m) => m.name === k.name)?.compute ?? k.value);

/** One rank metric's places: entry `state × months + month` is 1 for the first, 0 without facts. */
export function placesOf(rank: Rank, states: PayeeState[], months: number[], metrics: readonly CompiledMetric[]): Int32Array {
  const by = rank.by;
  const keys = rankKeyReaders(by, metrics);
  const read = rank.integer?.read;
  const width = months.length;
  // at most one entry per payee and month; each month's entries in its own row of `byMonth`
  // (one pass over the facts: a first pass to count them read every payee's facts twice)
  const columns = new RankColumns(by.length, states.length * width);
  const slot = new Int32Array(states.length * width);
  const byMonth = new Int32Array(states.length * width);
  const filled = new Int32Array(width);
  // entries payee by payee, then month by month: the order of the rows of a run in parts
  let i = 0;
  const ctx: Ctx = { p: states[0], m: 0 };
  for (let si = 0; si < states.length; si++) {
    const s = states[si];
    ctx.p = s;
    for (let mi = 0; mi < width; mi++) {
      const m = months[mi];
      if (!s.facts.has(m)) continue;
      ctx.m = m;
      // in integers by the generated reader, else (or where it bails) exactly by the closures
      if (!read || !columns.read(i, read, ctx)) for (let k = 0; k < keys.length; k++) columns.set(i, k, keys[k](ctx) as Exact);
      slot[i] = si * width + mi;
      byMonth[mi * states.length + filled[mi]++] = i++;
    }
    // metrics the keys read die young instead of surviving the whole pass (a rank key reads
    // no rank, so nothing read later is lost)
    s.metrics?.clear();
    s.metricMonth = undefined;
    s.metricRow = undefined;
  }
  const desc = by.map((k) => k.order === 'desc');
  const payeeId = (e: number) => states[(slot[e] - (slot[e] % width)) / width].payee.payeeId;
  const tie = (a: number, b: number) => byId(payeeId(a), payeeId(b));
  const places = new Int32Array(states.length * width);
  for (let mi = 0; mi < width; mi++) {
    const month = columns.order(byMonth.subarray(mi * states.length, mi * states.length + filled[mi]), desc, tie);
    for (let place = 0; place < month.length; place++) places[slot[month[place]]] = place + 1;
  }
  return places;
}

/**
 * Each payee's places by month as its population maps (`names[k]` → `places[k]`). With
 * `share`, payees and months with the same places share one map (most maps are a single
 * place) and each payee's months are read from the places (PlaceMonths): only when nothing
 * adds to the maps afterwards (no aggregates, no allocations).
 */
export function placeMaps(names: string[], places: Int32Array[], states: PayeeState[], months: number[], share: boolean): Map<string, Map<number, Map<string, number | Exact>>> {
  const out = new Map<string, Map<number, Map<string, number | Exact>>>();
  if (!names.length) return out;
  const width = months.length;
  if (share) {
    const table = new PlaceTable(names, places, months);
    for (let si = 0; si < states.length; si++) {
      // a payee without a ranked month has no population values, as when the maps are filled
      let ranked = false;
      for (let mi = 0; mi < width && !ranked; mi++) ranked = places[0][si * width + mi] !== 0;
      if (ranked) out.set(states[si].payee.payeeId, new PlaceMonths(table, si));
    }
    return out;
  }
  for (let si = 0; si < states.length; si++) {
    const payeeId = states[si].payee.payeeId;
    let byMonth = out.get(payeeId);
    for (let mi = 0; mi < width; mi++) {
      const at = si * width + mi;
      // every rank metric ranks the same payee-months: those with facts
      if (places[0][at] === 0) continue;
      if (!byMonth) out.set(payeeId, (byMonth = new Map()));
      byMonth.set(months[mi], new Map(names.map((name, k) => [name, places[k][at]])));
    }
  }
  return out;
}

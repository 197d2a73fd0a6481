// The impact of an edit from two runs kept as columns: totals and per-payee deltas from integer
// sums, and the lines that changed counted by walking each rule's lines of both runs in step
// (payee, then month) — no line key is ever built as a string. Same figures, order and ties as
// the engine's `compareStatements`.
import { LINE_KINDS, type LineKind, type Totals } from '../../../engine/index.js';
import { centsText } from './cents.js';
import { payeeSums, type PayeeSums, totalsOfSums } from './payee-totals.js';
import { byDelta, deltaCents, type ImpactColumns, type ImpactWire, payeeImpact } from './payee-columns.js';
import { lineKey, type RuleLines, type RunLines } from './rule-lines.js';

const TOP = 10;

/** Lines of one rule and kind whose amount differs between the two runs (present in one only included). */
function changedLines(a: RuleLines | undefined, b: RuleLines | undefined): number {
  if (a === b) return 0; // a rule the edit did not reach keeps its columns
  const na = a?.cents.length ?? 0, nb = b?.cents.length ?? 0;
  let i = 0, j = 0, changed = 0;
  const key = (r: RuleLines, k: number) => lineKey(r.payee[k], r.month[k]);
  while (i < na || j < nb) {
    const ka = i < na ? key(a!, i) : Infinity, kb = j < nb ? key(b!, j) : Infinity;
    const k = Math.min(ka, kb);
    let x = 0, y = 0;
    while (i < na && key(a!, i) === k) x += a!.cents[i++];
    while (j < nb && key(b!, j) === k) y += b!.cents[j++];
    if (x !== y) changed++;
  }
  return changed;
}

function countChanged(before: RunLines, after: RunLines): number {
  const key = (r: RuleLines) => `${r.rule}\u0000${r.kind}`;
  const a = new Map([...before.values()].map((r) => [key(r), r]));
  const b = new Map([...after.values()].map((r) => [key(r), r]));
  let changed = 0;
  for (const k of new Set([...a.keys(), ...b.keys()])) changed += changedLines(a.get(k), b.get(k));
  return changed;
}

function deltaOf(x: PayeeSums, y: PayeeSums): Totals {
  const kinds = Object.fromEntries(LINE_KINDS.map((k) => [k, centsText(y.kindTotals[k] - x.kindTotals[k])])) as Record<LineKind, string>;
  const sum = (s: PayeeSums) => LINE_KINDS.reduce((t, k) => t + s.kindTotals[k], 0);
  return { total: centsText(sum(y) - sum(x)), byKind: kinds };
}

/** The `n` first of `items` in the order of `cmp`, without sorting them all. */
function firstOf(items: Iterable<number>, cmp: (p: number, q: number) => number, n: number): number[] {
  const top: number[] = [];
  for (const i of items) {
    if (top.length === n && cmp(i, top[n - 1]) >= 0) continue;
    let at = Math.min(top.length, n - 1);
    while (at > 0 && cmp(i, top[at - 1]) < 0) at--;
    top.splice(at, 0, i);
    if (top.length > n) top.pop();
  }
  return top;
}

/**
 * `payeeIds[i]` is the id of the payee at index i of payees.csv. Every payee's before and after
 * travel as columns; only the top gainers and losers are made here, the full list on the page when read.
 */
export function lineImpact(before: RunLines, after: RunLines, payeeIds: string[]): Omit<ImpactWire, 'list'> {
  const x = payeeSums(before, payeeIds.length), y = payeeSums(after, payeeIds.length);
  const present: number[] = [];
  for (let i = 0; i < payeeIds.length; i++) if (x.has[i] || y.has[i]) present.push(i);
  const columns: ImpactColumns = { present: Int32Array.from(present), before: x.total.slice(), after: y.total.slice() };
  const order = byDelta(columns, payeeIds);
  const d = (i: number) => deltaCents(columns, i);
  return {
    before: totalsOfSums(x),
    after: totalsOfSums(y),
    delta: deltaOf(x, y),
    gainers: firstOf(present.filter((i) => d(i) > 0), order, TOP).map((i) => payeeImpact(columns, payeeIds, i)),
    losers: firstOf(present.filter((i) => d(i) < 0), (p, q) => order(q, p), TOP).map((i) => payeeImpact(columns, payeeIds, i)),
    changedLines: countChanged(before, after),
    columns,
  };
}

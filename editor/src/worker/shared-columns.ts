// Equal payee and month columns kept once. Most rules make a line for every covered payee in every
// month, so their payee and month columns are equal, rule after rule and run after run: at
// 100,000 payees × 12 months each pair is 9.6 MB, and the saved version's run and the edited one
// hold twelve. Columns are never written once made, so rules can share them.
import type { RuleLines } from './rule-lines.js';

type Column = Int32Array;

function equal(a: Column, b: Column): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The column among `known` equal to `c`, remembered when there is none. */
function shared(c: Column, known: Column[]): Column {
  const same = known.find((k) => k === c || equal(k, c));
  if (same) return same;
  known.push(c);
  return c;
}

/** Gives the new rules' lines (`lines`, made by this settle) the equal columns of `kept` lines and of each other, in place. */
export function shareColumns(lines: Iterable<RuleLines>, kept: Iterable<{ payee?: Column; month?: Column }>): void {
  const payees = new Set<Column>(), months = new Set<Column>();
  for (const l of kept) {
    if (l.payee) payees.add(l.payee);
    if (l.month) months.add(l.month);
  }
  const knownPayees = [...payees], knownMonths = [...months];
  for (const l of lines) {
    l.payee = shared(l.payee, knownPayees);
    l.month = shared(l.month, knownMonths);
  }
}

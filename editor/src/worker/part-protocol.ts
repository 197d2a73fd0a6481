// Messages between the preview worker and its helper, which settles the second half of the
// payees on the other core. Lines travel as transferred typed arrays, never copied as objects.
import type { Diagnostic, PopulationRecord, SettleOptions } from '../../../engine/index.js';
import type { DatasetTables } from './protocol.js';
import type { RuleLines, RunLines } from './rule-lines.js';

export interface PartSettle {
  file: string;
  text: string;
  /** The policy's fact layout (JSON): the helper reads its part of the tables once per layout. */
  layout: string;
  /** The month range, explicit: a half of the payees may span fewer months than the whole. */
  options: SettleOptions & { from: string; to: string };
  /** Rules to evaluate (all when absent) and rules whose lines to return (all when absent). */
  evaluate?: string[];
  keep?: string[];
  /** Population values over all payees, when the policy has any. */
  ranks?: PopulationRecord;
}

export type PartRequest =
  | { type: 'tables'; tables: DatasetTables; from: number }
  | ({ type: 'settle'; id: number } & PartSettle);

/** A part's lines (the rules asked for), or the problems settling it. */
export type PartResult = { ok: true; lines: RuleLines[]; from: string; to: string } | { ok: false; diagnostics: Diagnostic[] };

export type PartResponse = { type: 'lines'; id: number } & PartResult;

/** The buffers of a run's columns, to transfer rather than copy. */
export const buffersOf = (lines: RuleLines[]) => lines.flatMap((l) => [l.payee.buffer, l.month.buffer, l.cents.buffer]) as ArrayBuffer[];

/** The lines of two halves (the first half's payees come first), rule by rule. */
export function joinHalves(first: RunLines, second: RuleLines[]): RunLines {
  const out: RunLines = new Map();
  const other = new Map(second.map((l) => [l.rule, l]));
  for (const [rule, a] of first) {
    const b = other.get(rule);
    out.set(rule, b ? { rule, kind: a.kind, payee: concat(Int32Array, a.payee, b.payee), month: concat(Int32Array, a.month, b.month), cents: concat(Float64Array, a.cents, b.cents), withheld: a.withheld + b.withheld, bound: a.bound + b.bound } : a);
  }
  return out;
}

type Typed = Int32Array | Float64Array;
function concat<T extends Typed>(make: new (n: number) => T, a: T, b: T): T {
  const out = new make(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}


// Messages between the preview worker and its helper, which settles the second half of the
// payees on the other core. Lines travel as transferred typed arrays, never copied as objects.
import type { Diagnostic, PopulationRecord, RankKeys, SettleOptions } from '../../../engine/index.js';
import type { DatasetTables } from './protocol.js';
import type { Cents, RuleLines } from './rule-lines.js';

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
  /** Amount columns of earlier answers, read and given back (transferred) for the helper's next columns. */
  spare?: Cents[];
  /** The ids of the helper's payee and month columns the preview worker holds: sent by id, not again (part-columns.ts). */
  has?: number[];
}

/** One round of population keys of the helper's payees (a run in parts' first pass), the policy restricted to `evaluate` when given. */
export interface PartKeys {
  file: string;
  text: string;
  layout: string;
  options: SettleOptions & { from: string; to: string };
  round: number;
  /** The values of the rounds before. */
  ranks: PopulationRecord;
  evaluate?: string[];
}

export type PartRequest =
  | { type: 'tables'; tables: DatasetTables; from: number }
  | ({ type: 'settle'; id: number } & PartSettle)
  | ({ type: 'keys'; id: number } & PartKeys)
  | { type: 'rest' };

type Failure = { ok: false; diagnostics: Diagnostic[] };

/** A part's lines (the rules asked for), or the problems settling it. */
export type PartResult = { ok: true; lines: RuleLines[]; from: string; to: string } | Failure;

/**
 * A payee or month column of the helper's: its values the first time (a copy, transferred: the helper keeps
 * them), then its id alone as long as the helper's lines keep it (most rules, edit after edit).
 */
export interface PartColumn { id: number; values?: Int32Array }

export type PartLines = Omit<RuleLines, 'payee' | 'month'> & { payee: PartColumn; month: PartColumn };

/** A part's lines as they cross: amounts transferred, payee and month columns by id (part-columns.ts reads them). */
export type PartWire = { ok: true; lines: PartLines[]; from: string; to: string } | Failure;

/** The helper's payees' keys of a round, or the problems computing them. */
export type PartKeysResult = { ok: true; keys: RankKeys[] } | Failure;

export type PartResponse = ({ type: 'lines'; id: number } & PartWire) | ({ type: 'keys'; id: number } & PartKeysResult);

/** The buffers of a part's amount columns and of the columns sent with their values, to transfer rather than copy. */
export function buffersOf(lines: PartLines[]): ArrayBuffer[] {
  // the amounts' buffers, and those of the columns sent with their values (each once: a column shared by rules is one object)
  const buffers = new Set<ArrayBuffer>();
  for (const l of lines) for (const a of [l.cents, l.payee.values, l.month.values]) if (a) buffers.add(a.buffer as ArrayBuffer);
  return [...buffers];
}

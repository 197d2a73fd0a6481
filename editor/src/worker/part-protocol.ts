// Messages between the preview worker and its helper, which settles the second half of the
// payees on the other core. Lines travel as transferred typed arrays, never copied as objects.
import type { Diagnostic, PopulationRecord, SettleOptions } from '../../../engine/index.js';
import type { DatasetTables } from './protocol.js';
import type { RuleLines } from './rule-lines.js';

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

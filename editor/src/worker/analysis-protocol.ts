// Messages between the editor and the analysis worker (comparisons of any two versions, a
// parameter sweep, the policy's own tests). A second worker, created on first use, so these
// longer computations never delay the live preview and a page that never compares holds one
// copy of the dataset. Money crosses as exact decimal strings.
import type { Diagnostic, LineKind, PolicyTestReport, Totals } from '../../../engine/index.js';
import type { DatasetTables, PeriodRange } from './protocol.js';

/** A policy text to settle: the saved version, the edit, a history version or a scenario. */
export interface Side { label: string; text: string }

export type AnalysisRequest =
  | { type: 'dataset'; tables: DatasetTables }
  | { type: 'compare'; seq: number; file: string; before: Side; after: Side; range: PeriodRange; payeeId?: string }
  | { type: 'sweep'; seq: number; file: string; text: string; param: string; values: string[]; range: PeriodRange }
  | { type: 'tests'; seq: number; file: string; text: string; testFile: string; testText: string };

/** One payee before and after, with its attributes (`channel_type` and every column of payees.csv). */
export interface PayeeChange { payeeId: string; name?: string; attributes: Record<string, string>; before: string; after: string; delta: string }

/** Compensation as a share of revenue, in percent with two decimals (exact, rounded half-up). */
export interface RevenueShare { revenue: string; before?: string; after?: string }

/** The payees sharing one value of an attribute (a region, a county, a team). */
export interface GroupRow { value: string; payees: number; before: string; after: string; delta: string; share?: RevenueShare }

/** One statement line of the chosen payee before and after (0.00 where it does not exist). */
export interface LineChange { period: string; line: string; kind: LineKind; before: string; after: string; delta: string }

export interface Comparison {
  from: string;
  to: string;
  before: Totals;
  after: Totals;
  delta: Totals;
  changedLines: number;
  /** Every covered payee of either side, in payees.csv order. */
  payees: PayeeChange[];
  /** Attribute name → its groups, largest absolute change first. */
  groups: Record<string, GroupRow[]>;
  /** When the policy names its revenue fact (`revenue: revenue_actual`). */
  revenue?: { fact: string } & RevenueShare;
  /** Why no share is shown although the policy names a revenue fact. */
  revenueProblem?: string;
  payeeId?: string;
  lines?: LineChange[];
}

/** One value of the swept parameter and what the whole dataset costs with it. */
export type SweepPoint = { value: string; totals: Totals } | { value: string; diagnostics: Diagnostic[] };

export type AnalysisResponse =
  | { type: 'compare'; seq: number; ok: true; comparison: Comparison }
  | { type: 'compare'; seq: number; ok: false; side: 'before' | 'after'; diagnostics: Diagnostic[] }
  | { type: 'sweep'; seq: number; points: SweepPoint[] }
  | { type: 'tests'; seq: number; ok: true; report: PolicyTestReport }
  | { type: 'tests'; seq: number; ok: false; diagnostics: Diagnostic[] };

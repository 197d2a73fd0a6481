// Messages between the editor and the preview worker. Every request carries a sequence number;
// the editor keeps only answers to its latest request, so stale results are dropped.
import type { Diagnostic, Impact, Lang, LineKind, ParamInfo, StatementLine, Totals, WithheldItem } from '../../../engine/index.js';
import type { TableInput } from './table-bytes.js';
import type { ImpactColumns, ImpactWire, PayeeList, SummaryColumns, SummaryWire } from './payee-columns.js';

export interface DatasetTables {
  /** Changes whenever the tables change, so the worker can cache what it read. */
  id: string;
  /** CSV as Blobs (read by the workers when they read the dataset), text, or spreadsheet rows. */
  payees: TableInput;
  facts: TableInput;
  transactions?: TableInput;
}

export interface PeriodRange { from?: string; to?: string }

/** A what-if: one fact of one month of the traced payee, as typed (an exact decimal). */
export interface FactOverride { period: string; fact: string; value: string }

export type WorkerRequest =
  | { type: 'dataset'; tables: DatasetTables }
  | { type: 'run'; seq: number; file: string; text: string; baseText?: string; range: PeriodRange }
  | { type: 'trace'; seq: number; payeeId: string; overrides?: FactOverride[] }
  | { type: 'statement'; seq: number; lang?: Lang };

/** The names a policy defines, for completion and the form. */
export interface PolicyOutline {
  id: string;
  name: string;
  params: ParamInfo[];
  facts: { name: string; type: string; description?: string }[];
  metrics: string[];
  rules: { id: string; kind: LineKind; description?: string }[];
}

export interface PayeeTotal { payeeId: string; name?: string; total: string; byKind: Record<LineKind, string> }

export interface PreviewSummary {
  totals: Totals;
  /** Every covered payee's totals, made when first read (the preview shows `columns`). */
  payees: PayeeTotal[];
  /** The same as cents by payee index, and the dataset's payees (payee-columns.ts). */
  columns: SummaryColumns;
  list: PayeeList;
  lineCount: number;
  withheldCount: number;
  from: string;
  to: string;
}

/** Against the last saved version: totals, by payee, gainers and losers, how many lines changed. */
export type PreviewImpact = Omit<Impact, 'lines'> & {
  changedLines: number;
  /** From the worker: totals by payee index before and after (`payees` is made from them when first read). */
  columns?: ImpactColumns;
  list?: PayeeList;
};

/** A statement row for export: a paid line, or a withheld item (amount 0, the reason as explanation). */
export interface ExportRow { period: string; payeeId: string; line: string; kind: LineKind; amount: string; status: 'paid' | 'withheld'; explanation: string }

export type WorkerResponse =
  | { type: 'checked'; seq: number; ok: boolean; diagnostics: Diagnostic[]; outline?: PolicyOutline }
  | { type: 'result'; seq: number; ok: true; summary: SummaryWire; computeMs: number }
  | { type: 'result'; seq: number; ok: false; diagnostics: Diagnostic[]; computeMs: number }
  | { type: 'impact'; seq: number; impact?: ImpactWire; computeMs: number }
  | {
    type: 'trace'; seq: number; payeeId: string; lines: StatementLine[]; withheld: WithheldItem[];
    /** The payee's facts by month as the dataset holds them (before any what-if). */
    facts?: Record<string, Record<string, string>>;
    /** The what-if applied, and the problems reading it (a value that does not fit its fact). */
    overrides?: FactOverride[];
    diagnostics?: Diagnostic[];
  }
  | { type: 'statement'; seq: number; rows: ExportRow[] };

// The settlement store's data: what a run settles and records, posted lines, closes and their
// seals. Every other file of store/ depends on these types; this file depends on the engine only.
import type { CompiledPolicy, Dataset, DatasetInput, Diagnostic, Period, SettleOptions, SourceText, Statement, StatementLine, Totals } from '../engine/index.js';

/** What a run settles: a policy (with optional parameter overrides) over a dataset and a range. */
export interface RunRequest {
  policy: SourceText;
  overrides?: SourceText;
  dataset: DatasetInput;
  from: Period;
  to: Period;
  startedBy: string;
  /**
   * Settles the run elsewhere (the asynchronous book only), e.g. in parts by `ratecard worker`
   * processes (queue/): it must answer the lines `settle(policy, dataset, options)` would.
   * Still called before the write transaction opens, and again when the run is planned again.
   */
  settle?: (policy: CompiledPolicy, dataset: Dataset, options: SettleOptions) => Promise<Statement>;
}

/** One run as recorded: what it was settled with and what it posted. */
export interface RunRecord {
  id: string;
  policyId: string;
  policyVersion: string;
  /** sha256 of the policy text and the overrides text (the engine's `CompiledPolicy.hash`). */
  policyHash: string;
  /** sha256 of the policy file alone. */
  sourceHash: string;
  /** The parameter overrides file's text, when given. */
  overrides?: string;
  /** sha256 of the payees, facts and transactions tables as given. */
  factsHash: string;
  from: Period;
  to: Period;
  startedBy: string;
  /** ISO 8601 UTC. */
  startedAt: string;
  /** Regular lines of the run's range as they stand after the run. */
  lineCount: number;
  /** Adjustment lines for closed periods of the range, as they stand after the run. */
  adjustmentCount: number;
  /** Totals of those lines and adjustments. */
  totals: Totals;
  /** True when the run found every line already posted as it would post it, and wrote no line. */
  unchanged: boolean;
}

/** A statement line as posted in the store. */
export interface PostedLine extends StatementLine {
  /** The run that posted it. */
  runId: string;
  /** A prior-period adjustment: `trace.adjusts` names the line it corrects. */
  adjustment: boolean;
  /** For a line a later run replaced (read with `replaced: true`): that run. */
  replacedBy?: string;
}

export interface RunResult {
  run: RunRecord;
  /** The regular lines of the run's open periods, as posted. */
  lines: PostedLine[];
  /** Adjustments for the run's closed periods, posted in the first open period after them. */
  adjustments: PostedLine[];
  unchanged: boolean;
}

/** A posted line with its place in the run's statement, so statements read back in order. */
export interface StoredLine extends PostedLine {
  /** Index of the payee in the run's payees table. */
  payeeOrder: number;
  /** Index of the line in the run's statement. */
  lineOrder: number;
}

/** A posted line as the ledger needs it: amounts and links, no trace. */
export interface LedgerRow {
  id: string;
  period: Period;
  payeeId: string;
  rule: string;
  kind: StatementLine['kind'];
  amount: string;
  /** For an adjustment: the line it corrects. */
  adjusts?: { lineId: string; period: Period };
  /** For a refund: the source quarters it returned. */
  returnsSources?: string[];
}

export interface LineQuery {
  policyId: string;
  payeeId?: string;
  from?: Period;
  to?: Period;
  /** Only regular lines (false) or only adjustments (true); both when absent. */
  adjustment?: boolean;
  /** The lines later runs replaced (kept for replay), each with the run that replaced it, instead of those that stand. */
  replaced?: boolean;
}

export interface ClosedPeriod {
  policyId: string;
  period: Period;
  closedBy: string;
  closedAt: string;
}

/** A close with its seal: digests of the period's lines and of the runs recorded since the previous close, chained. */
export interface SealedClose extends ClosedPeriod {
  /** The last run (by its sequence number) of the policy recorded before the close; the seal covers the runs after the previous close up to it. */
  runsThrough: number;
  /** Lines of the period when it was closed. */
  lineCount: number;
  /** sha256 (hex) of the period's lines in canonical order. */
  linesDigest: string;
  /** sha256 (hex) of the runs the seal covers. */
  runsDigest: string;
  /** The previous close's seal ('' for the first close of the policy). */
  previous: string;
  /** sha256 (hex) of the previous close's seal, this close and the two digests. */
  seal: string;
}

/**
 * A line as the seal reads it: every column. The JSON columns are the text the database keeps
 * (SQLite: as written; PostgreSQL: JSONB's normalised text), hashed without parsing them.
 */
export interface SealedLine extends Omit<PostedLine, 'trace'> {
  trace: string;
  payeeOrder: number;
  lineOrder: number;
  rule: string | null;
  adjustsLineId: string | null;
  adjustsPeriod: string | null;
  returnsSources: string | null;
}

/** A run with its sequence number, as the seal reads it. */
export interface SealedRun extends RunRecord {
  seq: number;
}

/**
 * What a posting was planned on: the policy's last run, its closes and the approval decisions
 * that say which versions may post. Anything posted, closed or decided since changes it.
 */
export interface Stamp {
  runSeq: number;
  closes: number;
  /** Transitions of the policy's versions in the registry, and store settings (require-approval). */
  decisions: number;
}

export interface SchemaVersion {
  version: number;
  name: string;
  appliedAt: string;
}

/** The chain of seals recomputed: how many closed periods matched, and the first that did not. */
export interface VerifyResult {
  ok: boolean;
  /** Closed periods whose lines, runs and seal match, before the first that does not. */
  verified: number;
  /** The last seal of each policy checked (to keep elsewhere: an attacker who rewrites the file can rewrite every seal). */
  heads: { policyId: string; period: Period; seal: string }[];
  /** The first period that no longer matches, located at the store. */
  problem?: Diagnostic;
}

export interface BookOptions {
  /** Test hook: called after each line is inserted during a run (throw to simulate a crash). */
  afterLineInserted?: (count: number) => void;
  /** Clock for run and close times (ISO 8601); defaults to the system clock. */
  now?: () => string;
  /** Refuse to create a new file: the store must already exist (e.g. for a statement). */
  mustExist?: boolean;
  /** How long a writer waits for another to finish before it reports the store busy (default 5000 ms). */
  busyTimeoutMs?: number;
  /** The store's name in messages (default: the file's base name when its path is absolute, the URL without credentials for PostgreSQL). */
  name?: string;
}

export interface StatementQuery {
  policyId: string;
  payeeId?: string;
  from?: Period;
  to?: Period;
  /** The lines later runs replaced, with `replacedBy`, instead of those that stand (replay as of a date). */
  replaced?: boolean;
}

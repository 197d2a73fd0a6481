// The settlement book: settles a policy over a dataset and posts the lines, with their traces,
// to a settlement store (SQLite by default), one transaction per run. Closed periods are
// immutable: settling them again posts adjustment lines in the first open period instead.
import { type DatasetInput, loadPolicy, type Period, RatecardError, readDataset, type SourceText, type StatementLine, type Totals } from '../engine/index.js';
import { closePeriod } from './close-period.js';
import { factsHash } from './facts-hash.js';
import { requireMonth } from './periods.js';
import { postRun, strip } from './post-run.js';
import { SqliteStore } from './sqlite-store.js';
import { postedToCsv } from './statement-csv.js';

/** What a run settles: a policy (with optional parameter overrides) over a dataset and a range. */
export interface RunRequest {
  policy: SourceText;
  overrides?: SourceText;
  dataset: DatasetInput;
  from: Period;
  to: Period;
  startedBy: string;
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
}

export interface ClosedPeriod {
  policyId: string;
  period: Period;
  closedBy: string;
  closedAt: string;
}

/**
 * Low-level persistence of runs, posted lines and period closes: what a PostgreSQL
 * implementation would also implement. The store enforces that a closed period's lines are
 * never inserted, updated or deleted; the book decides what to post.
 */
export interface SettlementStore {
  /** Runs `work` in one transaction: everything it wrote is rolled back when it throws. */
  transaction<T>(work: () => T): T;
  /** The next run id (inside the transaction that inserts the run). */
  nextRunId(): string;
  insertRun(run: RunRecord): void;
  getRun(id: string): RunRecord | undefined;
  listRuns(filter?: { policyId?: string }): RunRecord[];
  insertLine(line: StoredLine): void;
  /** Deletes posted lines of open periods by id; throws when one is in a closed period. */
  deleteLines(policyId: string, ids: string[]): void;
  /** Posted lines, in statement order: payee, period, regular lines then adjustments, line order. */
  lines(query: LineQuery): StoredLine[];
  /** Posted lines from `from` on (every period when absent), without traces, in statement order. */
  ledger(policyId: string, from?: Period): LedgerRow[];
  /** Whether any line of the policy is posted for a period from `from` up to, not including, `before`. */
  hasLines(policyId: string, from: Period, before: Period): boolean;
  closePeriod(close: ClosedPeriod): void;
  closedPeriods(policyId: string): ClosedPeriod[];
  /** Schema versions applied, in order. */
  schemaVersions(): { version: number; name: string; appliedAt: string }[];
  shutdown(): void;
}

export interface BookOptions {
  /** Test hook: called after each line is inserted during a run (throw to simulate a crash). */
  afterLineInserted?: (count: number) => void;
  /** Clock for run and close times (ISO 8601); defaults to the system clock. */
  now?: () => string;
  /** Refuse to create a new file: the store must already exist (e.g. for a statement). */
  mustExist?: boolean;
}

export interface StatementQuery {
  policyId: string;
  payeeId?: string;
  from?: Period;
  to?: Period;
}

export class SettlementBook {
  private constructor(private readonly store: SettlementStore, private readonly where: string, private readonly options: BookOptions = {}) {}

  /** Opens (creating and migrating on first use) the SQLite settlement store at `file`. */
  static open(file: string, options: BookOptions = {}): SettlementBook {
    return new SettlementBook(SqliteStore.open(file, options), file, options);
  }

  /** Opens the store at `file`, does `work` with it, and shuts it down, even when `work` throws. */
  static using<T>(file: string, options: BookOptions, work: (book: SettlementBook) => T): T {
    const book = SettlementBook.open(file, options);
    try {
      return work(book);
    } finally {
      book.shutdown();
    }
  }

  /** A book over any store that follows `SettlementStore` (e.g. PostgreSQL); `where` names it in messages. */
  static over(store: SettlementStore, where: string, options: BookOptions = {}): SettlementBook {
    return new SettlementBook(store, where, options);
  }

  /** Settles the request and posts its lines (and adjustments), in one transaction. */
  run(request: RunRequest): RunResult {
    const loaded = loadPolicy(request.policy, { overrides: request.overrides });
    if (!loaded.ok) throw new RatecardError(loaded.diagnostics);
    const data = readDataset(request.dataset, loaded.policy);
    if (!data.ok) throw new RatecardError(data.diagnostics);
    const input = { policy: loaded.policy, dataset: data.dataset, from: request.from, to: request.to, startedBy: request.startedBy, factsHash: factsHash(request.dataset) };
    return this.store.transaction(() => postRun(this.store, input, this.options, this.where));
  }

  /** Closes a settled period: its lines can no longer change; periods close in order. */
  close(policyId: string, period: Period, closedBy: string): void {
    this.store.transaction(() => closePeriod(this.store, { policyId, period, closedBy, closedAt: this.now() }, this.where));
  }

  closedPeriods(policyId: string): Period[] {
    return this.store.closedPeriods(policyId).map((c) => c.period);
  }

  listRuns(filter?: { policyId?: string }): RunRecord[] {
    return this.store.listRuns(filter);
  }

  getRun(id: string): RunRecord | undefined {
    return this.store.getRun(id);
  }

  /** Posted lines with their traces, in statement order (payee, period, lines, then adjustments). */
  statement(query: StatementQuery): PostedLine[] {
    if (query.from !== undefined) requireMonth(query.from, 'from');
    if (query.to !== undefined) requireMonth(query.to, 'to');
    return this.store.lines(query).map(strip);
  }

  /** The statement as CSV (the columns of `ratecard settle`), byte for byte reproducible. */
  statementCsv(query: StatementQuery): string {
    return postedToCsv(this.statement(query));
  }

  /** Schema versions applied to the store, in order. */
  schemaVersions(): { version: number; name: string; appliedAt: string }[] {
    return this.store.schemaVersions();
  }

  shutdown(): void {
    this.store.shutdown();
  }

  private now(): string {
    return (this.options.now ?? (() => new Date().toISOString()))();
  }
}

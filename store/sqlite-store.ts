// The SQLite settlement store (better-sqlite3): a real database file, created and migrated on
// first open, WAL journal. Each post and each close is one IMMEDIATE transaction; a second writer
// waits up to the busy timeout, then gets a located "busy" error. Closed periods are guarded
// twice: here in code and by the database's triggers (migrations 2 and 4).
import type Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, isAbsolute } from 'node:path';
import { errorAt, type LineKind, type Period, RatecardError, type Totals } from '../engine/index.js';
import { ClosedPeriodError, closeOf, drive, type Posting, type Steps, type SyncBackend } from './backend.js';
import { MIGRATIONS, type MigrationHost } from './migrations.js';
import { SqlitePolicies } from './policies/sqlite-policies.js';
import { sealClose } from './seal.js';
import type { BookOptions, LedgerRow, LineQuery, RunRecord, SchemaVersion, SealedClose, SealedLine, SealedRun, Stamp, StoredLine } from './types.js';

interface RunRow {
  seq: number; id: string; policy_id: string; policy_version: string; policy_hash: string; source_hash: string;
  overrides: string | null; facts_hash: string; period_from: string; period_to: string; started_by: string;
  started_at: string; line_count: number; adjustment_count: number; totals: string; unchanged: number;
}

interface LineRow {
  policy_id: string; id: string; run_id: string; period: string; payee_id: string; line: string; kind: string;
  amount: string; explanation: string; trace: string; adjustment: number; payee_order: number; line_order: number;
  rule: string | null; adjusts_line_id: string | null; adjusts_period: string | null; returns_sources: string | null;
  replaced_by?: string | null;
}

interface CloseRow {
  policyId: string; period: string; closedBy: string; closedAt: string;
  runsThrough: number | null; lineCount: number | null; linesDigest: string | null; runsDigest: string | null; previous: string | null; seal: string | null;
}

export { ClosedPeriodError };

const requireHere = createRequire(import.meta.url);

/**
 * The better-sqlite3 constructor. It is an optional dependency (a native module: a user of the
 * engine alone, or of PostgreSQL, need not build it), loaded on first use; when it is missing,
 * opening the store is a located error at `store` that says what to install.
 */
export function sqliteDriver(store: string, load: (name: string) => unknown = requireHere): typeof Database {
  try {
    return load('better-sqlite3') as typeof Database; // require caches it
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND';
    throw new RatecardError([errorAt({ file: store, line: 1, column: 1 }, 'db', missing
      ? 'cannot open the settlement store: SQLite needs the optional dependency `better-sqlite3` (npm install better-sqlite3@12), or give a postgres:// URL'
      : `cannot open the settlement store: \`better-sqlite3\` did not load: ${(e as Error).message.split('\n')[0]}`, 'sqlite-unavailable')]);
  }
}

const LINE_ORDER = 'ORDER BY payee_order, payee_id, period, adjustment, line_order, id';

/** The name of a store file in messages: as given, or its base name when the path is absolute. */
export const storeName = (file: string) => (isAbsolute(file) ? basename(file) : file);

export class SqliteStore implements SyncBackend, MigrationHost {
  private readonly statements = new Map<string, Database.Statement>();
  readonly policies = new SqlitePolicies(this);

  private constructor(readonly db: Database.Database, readonly name: string, private readonly options: BookOptions) {}

  /** Opens `file`, creating it (unless `mustExist`) and migrating it; a located error when it cannot. */
  static open(file: string, options: BookOptions = {}): SqliteStore {
    const name = options.name ?? storeName(file);
    const fail = (why: string, code = 'io') => new RatecardError([errorAt({ file: name, line: 1, column: 1 }, 'db', `cannot open the settlement store: ${why}`, code)]);
    if (options.mustExist && file !== ':memory:' && !existsSync(file)) throw fail('no such file');
    const Sqlite = sqliteDriver(name);
    let db: Database.Database | undefined;
    try {
      if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
      db = new Sqlite(file, { timeout: options.busyTimeoutMs ?? 5000 });
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      const store = new SqliteStore(db, name, options);
      store.migrate();
      return store;
    } catch (e) {
      db?.close();
      if (e instanceof RatecardError) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      throw fail(code === 'SQLITE_NOTADB' ? 'not a settlement store (not an SQLite database)' : code === 'EACCES' ? 'permission denied' : (e as Error).message);
    }
  }

  private migrate(): void {
    // an up-to-date store is only read here, so opening it never waits for a writer
    const known = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").get() !== undefined;
    if (known && this.schemaVersions().length === MIGRATIONS.length) return;
    this.transaction(() => {
      this.db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
      const applied = new Set(this.schemaVersions().map((v) => v.version));
      for (const m of MIGRATIONS) {
        if (applied.has(m.version)) continue;
        this.db.exec(m.sql);
        m.after?.(this);
        this.db.prepare('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, this.now());
      }
    });
  }

  /** Runs `work` in one IMMEDIATE transaction; a writer that waited the busy timeout out gets a located error. */
  transaction<T>(work: () => T): T {
    try {
      return this.db.transaction(work).immediate();
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_BUSY') {
        throw new RatecardError([errorAt({ file: this.name, line: 1, column: 1 }, 'db',
          `the settlement store is busy: another writer kept it locked for ${this.db.pragma('busy_timeout', { simple: true })} ms; try again when it is done`, 'busy')]);
      }
      throw e;
    }
  }

  stamp(policyId: string): Stamp {
    return this.sql(`SELECT (SELECT COALESCE(MAX(seq), 0) FROM runs WHERE policy_id = @policyId) AS runSeq,
      (SELECT count(*) FROM closed_periods WHERE policy_id = @policyId) AS closes,
      (SELECT count(*) FROM policy_transitions WHERE policy_id = @policyId) + (SELECT count(*) FROM store_settings) AS decisions`).get({ policyId }) as Stamp;
  }

  post(posting: Posting): RunRecord | undefined {
    return this.transaction(() => {
      const now = this.stamp(posting.policyId);
      if (now.runSeq !== posting.stamp.runSeq || now.closes !== posting.stamp.closes || now.decisions !== posting.stamp.decisions) return undefined;
      const { n } = this.sql('SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM runs').get() as { n: number };
      const { run, remove, insert } = posting.make(`run-${String(n).padStart(6, '0')}`);
      this.insertRun(run);
      this.deleteLines(posting.policyId, remove, run.id);
      insert.forEach((line, i) => {
        this.insertLine(line);
        this.options.afterLineInserted?.(i + 1);
      });
      return run;
    });
  }

  close(_policyId: string, steps: Steps<SealedClose>): SealedClose {
    return this.transaction(() => {
      const sealed = drive(steps, this);
      this.insertClose(sealed);
      return sealed;
    });
  }

  sealUnsealedCloses(): void {
    const unsealed = this.sql(`SELECT c.policy_id AS policyId, c.period, c.closed_by AS closedBy, c.closed_at AS closedAt FROM closed_periods c
      WHERE NOT EXISTS (SELECT 1 FROM seals s WHERE s.policy_id = c.policy_id AND s.period = c.period) ORDER BY c.policy_id, c.period`).all() as CloseRow[];
    for (const close of unsealed) {
      const previous = this.closedPeriods(close.policyId).filter((c) => c.period < close.period).pop();
      const { through } = this.sql('SELECT COALESCE(MAX(seq), 0) AS through FROM runs WHERE policy_id = ? AND started_at <= ?').get(close.policyId, close.closedAt) as { through: number };
      const runsThrough = Math.max(through, previous?.runsThrough ?? 0);
      this.insertSeal(sealClose(previous, close, this.sealedLines(close.policyId, close.period), this.sealedRuns(close.policyId, previous?.runsThrough ?? 0, runsThrough), runsThrough));
    }
  }

  getRun(id: string): RunRecord | undefined {
    const row = this.sql('SELECT * FROM runs WHERE id = ?').get(id) as RunRow | undefined;
    return row && runOf(row);
  }

  listRuns(filter: { policyId?: string } = {}): RunRecord[] {
    const rows = filter.policyId === undefined
      ? this.sql('SELECT * FROM runs ORDER BY seq').all()
      : this.sql('SELECT * FROM runs WHERE policy_id = ? ORDER BY seq').all(filter.policyId);
    return (rows as RunRow[]).map(runOf);
  }

  sealedRuns(policyId: string, after: number, through: number): SealedRun[] {
    return (this.sql('SELECT * FROM runs WHERE policy_id = ? AND seq > ? AND seq <= ? ORDER BY seq').all(policyId, after, through) as RunRow[])
      .map((r) => ({ seq: r.seq, ...runOf(r) }));
  }

  /** Inserts a line; throws when its period is closed. */
  insertLine(line: StoredLine): void {
    this.refuseClosed(line.policy, line.period, 'inserted');
    const { adjusts, refunds } = line.trace;
    this.sql(`INSERT INTO lines (policy_id, id, run_id, period, payee_id, line, kind, amount, explanation, trace,
      adjustment, payee_order, line_order, rule, adjusts_line_id, adjusts_period, returns_sources)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(line.policy, line.id, line.runId, line.period, line.payeeId, line.line, line.kind, line.amount, line.explanation,
        JSON.stringify(line.trace), line.adjustment ? 1 : 0, line.payeeOrder, line.lineOrder, line.trace.rule,
        adjusts?.lineId ?? null, adjusts?.period ?? null, refunds ? JSON.stringify(refunds.map((r) => r.source)) : null);
  }

  /** Deletes posted lines of open periods by id, kept as replaced by `runId`; throws when one is in a closed period. */
  deleteLines(policyId: string, ids: string[], runId: string): void {
    const find = this.sql('SELECT period FROM lines WHERE policy_id = ? AND id = ?').pluck();
    const keep = this.sql('INSERT INTO replaced_lines SELECT *, ? FROM lines WHERE policy_id = ? AND id = ?');
    const remove = this.sql('DELETE FROM lines WHERE policy_id = ? AND id = ?');
    for (const id of ids) {
      const period = find.get(policyId, id) as string | undefined;
      if (period === undefined) continue;
      this.refuseClosed(policyId, period, 'deleted');
      keep.run(runId, policyId, id);
      remove.run(policyId, id);
    }
  }

  lines(query: LineQuery): StoredLine[] {
    const where = ['policy_id = @policyId'];
    if (query.payeeId !== undefined) where.push('payee_id = @payeeId');
    if (query.from !== undefined) where.push('period >= @from');
    if (query.to !== undefined) where.push('period <= @to');
    if (query.adjustment !== undefined) where.push('adjustment = @adjustment');
    const { replaced, ...params } = query;
    const rows = this.sql(`SELECT * FROM ${replaced ? 'replaced_lines' : 'lines'} WHERE ${where.join(' AND ')} ${LINE_ORDER}`)
      .all({ ...params, adjustment: query.adjustment === undefined ? undefined : query.adjustment ? 1 : 0 }) as LineRow[];
    return rows.map(lineOf);
  }

  sealedLines(policyId: string, period: Period): SealedLine[] {
    return (this.sql('SELECT * FROM lines WHERE policy_id = ? AND period = ?').all(policyId, period) as LineRow[]).map((r) => ({
      id: r.id, period: r.period, payeeId: r.payee_id, policy: r.policy_id, line: r.line, kind: r.kind as LineKind, amount: r.amount,
      explanation: r.explanation, trace: r.trace, runId: r.run_id, adjustment: r.adjustment === 1, payeeOrder: r.payee_order, lineOrder: r.line_order,
      rule: r.rule, adjustsLineId: r.adjusts_line_id, adjustsPeriod: r.adjusts_period, returnsSources: r.returns_sources,
    }));
  }

  ledger(policyId: string, from = ''): LedgerRow[] {
    const rows = this.sql(`SELECT id, period, payee_id, rule, kind, amount, adjusts_line_id, adjusts_period, returns_sources
      FROM lines WHERE policy_id = ? AND period >= ? ${LINE_ORDER}`).all(policyId, from) as LineRow[];
    return rows.map((r) => ({
      id: r.id, period: r.period, payeeId: r.payee_id, rule: r.rule!, kind: r.kind as LineKind, amount: r.amount,
      ...(r.adjusts_line_id === null ? {} : { adjusts: { lineId: r.adjusts_line_id, period: r.adjusts_period! } }),
      ...(r.returns_sources === null ? {} : { returnsSources: JSON.parse(r.returns_sources) as string[] }),
    }));
  }

  hasLines(policyId: string, from: string, before: string): boolean {
    return this.sql('SELECT 1 FROM lines WHERE policy_id = ? AND period >= ? AND period < ? LIMIT 1').get(policyId, from, before) !== undefined;
  }

  closedPeriods(policyId: string): SealedClose[] {
    const rows = this.sql(`SELECT c.policy_id AS policyId, c.period, c.closed_by AS closedBy, c.closed_at AS closedAt, s.runs_through AS runsThrough,
      s.line_count AS lineCount, s.lines_digest AS linesDigest, s.runs_digest AS runsDigest, s.previous, s.seal
      FROM closed_periods c LEFT JOIN seals s ON s.policy_id = c.policy_id AND s.period = c.period WHERE c.policy_id = ? ORDER BY c.period`).all(policyId) as CloseRow[];
    // a close without its seal (the seal deleted behind the triggers' back) seals nothing: verify names it
    return rows.map((r) => ({ ...closeOf(r), runsThrough: r.runsThrough ?? 0, lineCount: r.lineCount ?? 0, linesDigest: r.linesDigest ?? '', runsDigest: r.runsDigest ?? '', previous: r.previous ?? '', seal: r.seal ?? '' }));
  }

  closedPolicies(): string[] {
    return this.sql('SELECT DISTINCT policy_id FROM closed_periods ORDER BY policy_id').pluck().all() as string[];
  }

  schemaVersions(): SchemaVersion[] {
    return this.sql('SELECT version, name, applied_at AS appliedAt FROM schema_version ORDER BY version').all() as SchemaVersion[];
  }

  shutdown(): void {
    if (this.db.open) this.db.close();
  }

  private insertRun(run: RunRecord): void {
    this.sql(`INSERT INTO runs (id, policy_id, policy_version, policy_hash, source_hash, overrides, facts_hash,
      period_from, period_to, started_by, started_at, line_count, adjustment_count, totals, unchanged)
      VALUES (@id, @policyId, @policyVersion, @policyHash, @sourceHash, @overrides, @factsHash, @from, @to, @startedBy,
      @startedAt, @lineCount, @adjustmentCount, @totals, @unchanged)`)
      .run({ ...run, overrides: run.overrides ?? null, totals: JSON.stringify(run.totals), unchanged: run.unchanged ? 1 : 0 });
  }

  private insertClose(sealed: SealedClose): void {
    this.sql('INSERT INTO closed_periods (policy_id, period, closed_by, closed_at) VALUES (@policyId, @period, @closedBy, @closedAt)').run(closeOf(sealed));
    this.insertSeal(sealed);
  }

  private insertSeal(s: SealedClose): void {
    this.sql(`INSERT INTO seals (policy_id, period, runs_through, line_count, lines_digest, runs_digest, previous, seal)
      VALUES (@policyId, @period, @runsThrough, @lineCount, @linesDigest, @runsDigest, @previous, @seal)`)
      .run({ policyId: s.policyId, period: s.period, runsThrough: s.runsThrough, lineCount: s.lineCount, linesDigest: s.linesDigest, runsDigest: s.runsDigest, previous: s.previous, seal: s.seal });
  }

  private now(): string {
    return (this.options.now ?? (() => new Date().toISOString()))();
  }

  /** Prepared once per SQL text, then reused. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.db.prepare(text)));
    return statement;
  }

  private refuseClosed(policyId: string, period: string, what: string): void {
    if (this.sql('SELECT 1 FROM closed_periods WHERE policy_id = ? AND period = ?').get(policyId, period)) {
      throw new ClosedPeriodError(`period ${period} of ${policyId} is closed: its lines cannot be ${what}`);
    }
  }
}

function runOf(r: RunRow): RunRecord {
  return {
    id: r.id, policyId: r.policy_id, policyVersion: r.policy_version, policyHash: r.policy_hash, sourceHash: r.source_hash,
    ...(r.overrides === null ? {} : { overrides: r.overrides }),
    factsHash: r.facts_hash, from: r.period_from, to: r.period_to, startedBy: r.started_by, startedAt: r.started_at,
    lineCount: r.line_count, adjustmentCount: r.adjustment_count, totals: JSON.parse(r.totals) as Totals, unchanged: r.unchanged === 1,
  };
}

function lineOf(r: LineRow): StoredLine {
  return {
    id: r.id, period: r.period, payeeId: r.payee_id, policy: r.policy_id, line: r.line, kind: r.kind as LineKind,
    amount: r.amount, explanation: r.explanation, trace: JSON.parse(r.trace), runId: r.run_id, adjustment: r.adjustment === 1,
    payeeOrder: r.payee_order, lineOrder: r.line_order, ...(r.replaced_by ? { replacedBy: r.replaced_by } : {}),
  };
}

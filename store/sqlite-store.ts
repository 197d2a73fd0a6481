// The SQLite settlement store (better-sqlite3): a real database file, created and migrated on
// first open, WAL journal, every run in one IMMEDIATE transaction. Closed periods are guarded
// twice: here in code and by the triggers of migration 2.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { errorAt, type LineKind, RatecardError, type Totals } from '../engine/index.js';
import { MIGRATIONS } from './migrations.js';
import type { ClosedPeriod, LedgerRow, LineQuery, RunRecord, SettlementStore, StoredLine } from './settlement-book.js';

interface RunRow {
  id: string; policy_id: string; policy_version: string; policy_hash: string; source_hash: string;
  overrides: string | null; facts_hash: string; period_from: string; period_to: string; started_by: string;
  started_at: string; line_count: number; adjustment_count: number; totals: string; unchanged: number;
}

interface LineRow {
  policy_id: string; id: string; run_id: string; period: string; payee_id: string; line: string; kind: string;
  amount: string; explanation: string; trace: string; adjustment: number; payee_order: number; line_order: number;
}

interface LedgerLineRow {
  id: string; period: string; payee_id: string; rule: string; kind: string; amount: string;
  adjusts_line_id: string | null; adjusts_period: string | null; returns_sources: string | null;
}

export class ClosedPeriodError extends Error {}

export class SqliteStore implements SettlementStore {
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(readonly db: Database.Database, readonly file: string) {}

  /** Opens `file`, creating it (unless `mustExist`) and migrating it; a located error when it cannot. */
  static open(file: string, options: { now?: () => string; mustExist?: boolean } = {}): SqliteStore {
    const fail = (why: string) => new RatecardError([errorAt({ file, line: 1, column: 1 }, 'db', `cannot open the settlement store: ${why}`, 'io')]);
    if (options.mustExist && file !== ':memory:' && !existsSync(file)) throw fail('no such file');
    let db: Database.Database | undefined;
    try {
      if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
      db = new Database(file);
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      const store = new SqliteStore(db, file);
      store.migrate(options.now ?? (() => new Date().toISOString()));
      return store;
    } catch (e) {
      db?.close();
      const code = (e as NodeJS.ErrnoException).code;
      throw fail(code === 'SQLITE_NOTADB' ? 'not a settlement store (not an SQLite database)' : code === 'EACCES' ? 'permission denied' : (e as Error).message);
    }
  }

  private migrate(now: () => string): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    this.transaction(() => {
      const applied = new Set(this.schemaVersions().map((v) => v.version));
      for (const m of MIGRATIONS) {
        if (applied.has(m.version)) continue;
        this.db.exec(m.sql);
        this.db.prepare('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, now());
      }
    });
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  nextRunId(): string {
    const { n } = this.sql('SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM runs').get() as { n: number };
    return `run-${String(n).padStart(6, '0')}`;
  }

  insertRun(run: RunRecord): void {
    this.sql(`INSERT INTO runs (id, policy_id, policy_version, policy_hash, source_hash, overrides, facts_hash,
      period_from, period_to, started_by, started_at, line_count, adjustment_count, totals, unchanged)
      VALUES (@id, @policyId, @policyVersion, @policyHash, @sourceHash, @overrides, @factsHash, @from, @to, @startedBy,
      @startedAt, @lineCount, @adjustmentCount, @totals, @unchanged)`)
      .run({ ...run, overrides: run.overrides ?? null, totals: JSON.stringify(run.totals), unchanged: run.unchanged ? 1 : 0 });
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

  insertLine(line: StoredLine): void {
    this.refuseClosed(line.policy, [line.period], 'inserted');
    const { adjusts, refunds } = line.trace;
    this.sql(`INSERT INTO lines (policy_id, id, run_id, period, payee_id, line, kind, amount, explanation, trace,
      adjustment, payee_order, line_order, rule, adjusts_line_id, adjusts_period, returns_sources)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(line.policy, line.id, line.runId, line.period, line.payeeId, line.line, line.kind, line.amount, line.explanation,
        JSON.stringify(line.trace), line.adjustment ? 1 : 0, line.payeeOrder, line.lineOrder, line.trace.rule,
        adjusts?.lineId ?? null, adjusts?.period ?? null, refunds ? JSON.stringify(refunds.map((r) => r.source)) : null);
  }

  deleteLines(policyId: string, ids: string[]): void {
    const find = this.sql('SELECT period FROM lines WHERE policy_id = ? AND id = ?').pluck();
    const remove = this.sql('DELETE FROM lines WHERE policy_id = ? AND id = ?');
    for (const id of ids) {
      const period = find.get(policyId, id) as string | undefined;
      if (period === undefined) continue;
      this.refuseClosed(policyId, [period], 'deleted');
      remove.run(policyId, id);
    }
  }

  lines(query: LineQuery): StoredLine[] {
    const where = ['policy_id = @policyId'];
    if (query.payeeId !== undefined) where.push('payee_id = @payeeId');
    if (query.from !== undefined) where.push('period >= @from');
    if (query.to !== undefined) where.push('period <= @to');
    if (query.adjustment !== undefined) where.push('adjustment = @adjustment');
    const rows = this.sql(`SELECT * FROM lines WHERE ${where.join(' AND ')}
      ORDER BY payee_order, payee_id, period, adjustment, line_order, id`)
      .all({ ...query, adjustment: query.adjustment === undefined ? undefined : query.adjustment ? 1 : 0 }) as LineRow[];
    return rows.map(lineOf);
  }

  ledger(policyId: string, from = ''): LedgerRow[] {
    const rows = this.sql(`SELECT id, period, payee_id, rule, kind, amount, adjusts_line_id, adjusts_period, returns_sources
      FROM lines WHERE policy_id = ? AND period >= ? ORDER BY payee_order, payee_id, period, adjustment, line_order, id`).all(policyId, from) as LedgerLineRow[];
    return rows.map((r) => ({
      id: r.id, period: r.period, payeeId: r.payee_id, rule: r.rule, kind: r.kind as LineKind, amount: r.amount,
      ...(r.adjusts_line_id === null ? {} : { adjusts: { lineId: r.adjusts_line_id, period: r.adjusts_period! } }),
      ...(r.returns_sources === null ? {} : { returnsSources: JSON.parse(r.returns_sources) as string[] }),
    }));
  }

  hasLines(policyId: string, from: string, before: string): boolean {
    return this.sql('SELECT 1 FROM lines WHERE policy_id = ? AND period >= ? AND period < ? LIMIT 1').get(policyId, from, before) !== undefined;
  }

  closePeriod(close: ClosedPeriod): void {
    this.sql('INSERT INTO closed_periods (policy_id, period, closed_by, closed_at) VALUES (@policyId, @period, @closedBy, @closedAt)').run(close);
  }

  closedPeriods(policyId: string): ClosedPeriod[] {
    return this.sql('SELECT policy_id AS policyId, period, closed_by AS closedBy, closed_at AS closedAt FROM closed_periods WHERE policy_id = ? ORDER BY period')
      .all(policyId) as ClosedPeriod[];
  }

  schemaVersions(): { version: number; name: string; appliedAt: string }[] {
    return this.sql('SELECT version, name, applied_at AS appliedAt FROM schema_version ORDER BY version').all() as { version: number; name: string; appliedAt: string }[];
  }

  shutdown(): void {
    if (this.db.open) this.db.close();
  }

  /** Prepared once per SQL text, then reused. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.db.prepare(text)));
    return statement;
  }

  private refuseClosed(policyId: string, periods: string[], what: string): void {
    const closed = this.sql('SELECT 1 FROM closed_periods WHERE policy_id = ? AND period = ?');
    for (const period of periods) {
      if (closed.get(policyId, period)) throw new ClosedPeriodError(`period ${period} of ${policyId} is closed: its lines cannot be ${what}`);
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
    payeeOrder: r.payee_order, lineOrder: r.line_order,
  };
}

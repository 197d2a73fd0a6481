// The PostgreSQL settlement store (node-postgres): `--db postgres://user@host:port/db`, with an
// optional `?schema=NAME` to keep the tables in their own schema. Created and migrated on first
// open. Each post and each close is one transaction under the policy's advisory lock
// (pg_advisory_xact_lock); a writer that waits longer than the busy timeout gets a located error.
import { createHash } from 'node:crypto';
import pg from 'pg';
import { errorAt, type LineKind, type Period, RatecardError } from '../engine/index.js';
import { ClosedPeriodError, driveAsync, type Posting, type SettlementBackend, type Steps } from './backend.js';
import { PG_MIGRATIONS } from './pg-migrations.js';
import { PgPolicies } from './policies/pg-policies.js';
import type { BookOptions, LedgerRow, LineQuery, RunRecord, SchemaVersion, SealedClose, SealedLine, SealedRun, Stamp, StoredLine } from './types.js';

export const isPostgresUrl = (db: string) => /^postgres(ql)?:\/\//i.test(db);

interface Queryable {
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

const LINE_ORDER = 'ORDER BY payee_order, payee_id, period, adjustment, line_order, id';
const LINE_COLUMNS = `policy_id, id, run_id, period, payee_id, line, kind, amount::text AS amount, explanation, trace, adjustment,
  payee_order, line_order, rule, adjusts_line_id, adjusts_period, returns_sources`;
const RUN_COLUMNS = `seq, id, policy_id AS "policyId", policy_version AS "policyVersion", policy_hash AS "policyHash", source_hash AS "sourceHash",
  overrides, facts_hash AS "factsHash", period_from AS "from", period_to AS "to", started_by AS "startedBy", started_at AS "startedAt",
  line_count AS "lineCount", adjustment_count AS "adjustmentCount", totals, unchanged`;
const CLOSE_COLUMNS = `policy_id AS "policyId", period, closed_by AS "closedBy", closed_at AS "closedAt", runs_through AS "runsThrough",
  line_count AS "lineCount", lines_digest AS "linesDigest", runs_digest AS "runsDigest", previous, seal`;
/** Lines per INSERT statement. */
const BATCH = 500;

interface LineRow {
  policy_id: string; id: string; run_id: string; period: string; payee_id: string; line: string; kind: LineKind; amount: string;
  explanation: string; trace: StoredLine['trace']; adjustment: boolean; payee_order: number; line_order: number;
  rule: string | null; adjusts_line_id: string | null; adjusts_period: string | null; returns_sources: string[] | null;
  replaced_by?: string;
}

const lineOf = (r: LineRow): StoredLine => ({
  id: r.id, period: r.period, payeeId: r.payee_id, policy: r.policy_id, line: r.line, kind: r.kind, amount: r.amount,
  explanation: r.explanation, trace: r.trace, runId: r.run_id, adjustment: r.adjustment, payeeOrder: r.payee_order, lineOrder: r.line_order,
  ...(r.replaced_by ? { replacedBy: r.replaced_by } : {}),
});

const runOf = ({ seq: _seq, overrides, ...run }: SealedRun & { overrides: string | null }): RunRecord => ({ ...run, ...(overrides === null ? {} : { overrides }) });

/** The advisory lock of a policy: 64 bits of its id's sha256. */
export const lockKey = (policyId: string) => createHash('sha256').update(`ratecard/${policyId}`).digest().readBigInt64BE(0).toString();
const MIGRATION_LOCK = lockKey('(migrations)');

/** The reads of the store, over the pool or over one transaction's client. */
class PgReads {
  constructor(protected readonly q: Queryable) {}

  async stamp(policyId: string): Promise<Stamp> {
    const { rows } = await this.q.query<Stamp>(`SELECT (SELECT COALESCE(MAX(seq), 0)::int FROM runs WHERE policy_id = $1) AS "runSeq",
      (SELECT count(*)::int FROM closed_periods WHERE policy_id = $1) AS closes,
      (SELECT count(*)::int FROM policy_transitions WHERE policy_id = $1) + (SELECT count(*)::int FROM store_settings) AS decisions`, [policyId]);
    return rows[0];
  }

  async closedPeriods(policyId: string): Promise<SealedClose[]> {
    return (await this.q.query<SealedClose>(`SELECT ${CLOSE_COLUMNS} FROM closed_periods WHERE policy_id = $1 ORDER BY period`, [policyId])).rows;
  }

  async closedPolicies(): Promise<string[]> {
    return (await this.q.query<{ policy_id: string }>('SELECT DISTINCT policy_id FROM closed_periods ORDER BY policy_id')).rows.map((r) => r.policy_id);
  }

  async getRun(id: string): Promise<RunRecord | undefined> {
    const { rows } = await this.q.query<SealedRun & { overrides: string | null }>(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = $1`, [id]);
    return rows[0] && runOf(rows[0]);
  }

  async listRuns(filter: { policyId?: string } = {}): Promise<RunRecord[]> {
    const { rows } = filter.policyId === undefined
      ? await this.q.query<SealedRun & { overrides: string | null }>(`SELECT ${RUN_COLUMNS} FROM runs ORDER BY seq`)
      : await this.q.query<SealedRun & { overrides: string | null }>(`SELECT ${RUN_COLUMNS} FROM runs WHERE policy_id = $1 ORDER BY seq`, [filter.policyId]);
    return rows.map(runOf);
  }

  async sealedRuns(policyId: string, after: number, through: number): Promise<SealedRun[]> {
    const { rows } = await this.q.query<SealedRun & { overrides: string | null }>(
      `SELECT ${RUN_COLUMNS} FROM runs WHERE policy_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq`, [policyId, after, through]);
    return rows.map((r) => ({ seq: r.seq, ...runOf(r) }));
  }

  async lines(query: LineQuery): Promise<StoredLine[]> {
    const values: unknown[] = [query.policyId];
    const where = ['policy_id = $1'];
    const add = (sql: string, value: unknown) => { values.push(value); where.push(`${sql} $${values.length}`); };
    if (query.payeeId !== undefined) add('payee_id =', query.payeeId);
    if (query.from !== undefined) add('period >=', query.from);
    if (query.to !== undefined) add('period <=', query.to);
    if (query.adjustment !== undefined) add('adjustment =', query.adjustment);
    const from = query.replaced ? `${LINE_COLUMNS}, replaced_by FROM replaced_lines` : `${LINE_COLUMNS} FROM lines`;
    return (await this.q.query<LineRow>(`SELECT ${from} WHERE ${where.join(' AND ')} ${LINE_ORDER}`, values)).rows.map(lineOf);
  }

  async sealedLines(policyId: string, period: Period): Promise<SealedLine[]> {
    const { rows } = await this.q.query<SealedLine>(`SELECT id, period, payee_id AS "payeeId", policy_id AS policy, line, kind, amount::text AS amount,
      explanation, trace::text AS trace, run_id AS "runId", adjustment, payee_order AS "payeeOrder", line_order AS "lineOrder", rule,
      adjusts_line_id AS "adjustsLineId", adjusts_period AS "adjustsPeriod", returns_sources::text AS "returnsSources"
      FROM lines WHERE policy_id = $1 AND period = $2`, [policyId, period]);
    return rows;
  }

  async ledger(policyId: string, from = ''): Promise<LedgerRow[]> {
    const { rows } = await this.q.query<LineRow>(`SELECT id, period, payee_id, rule, kind, amount::text AS amount, adjusts_line_id, adjusts_period, returns_sources
      FROM lines WHERE policy_id = $1 AND period >= $2 ${LINE_ORDER}`, [policyId, from]);
    return rows.map((r) => ({
      id: r.id, period: r.period, payeeId: r.payee_id, rule: r.rule!, kind: r.kind, amount: r.amount,
      ...(r.adjusts_line_id === null ? {} : { adjusts: { lineId: r.adjusts_line_id, period: r.adjusts_period! } }),
      ...(r.returns_sources === null ? {} : { returnsSources: r.returns_sources }),
    }));
  }

  async hasLines(policyId: string, from: string, before: string): Promise<boolean> {
    return (await this.q.query('SELECT 1 FROM lines WHERE policy_id = $1 AND period >= $2 AND period < $3 LIMIT 1', [policyId, from, before])).rowCount! > 0;
  }

  async schemaVersions(): Promise<SchemaVersion[]> {
    return (await this.q.query<SchemaVersion>('SELECT version, name, applied_at AS "appliedAt" FROM schema_version ORDER BY version')).rows;
  }
}

/** `postgres://host:port/db`: the URL without its credentials and parameters. */
function nameOf(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

export class PgStore extends PgReads implements SettlementBackend {
  readonly policies: PgPolicies;

  private constructor(private readonly pool: pg.Pool, readonly name: string, private readonly options: BookOptions) {
    super(pool);
    this.policies = new PgPolicies(pool, (policyId, work) => this.transaction(lockKey(policyId), work));
  }

  /** Connects to `url` and migrates the schema; a located error when it cannot. */
  static async open(url: string, options: BookOptions = {}): Promise<PgStore> {
    const parsed = new URL(url);
    const schema = parsed.searchParams.get('schema');
    parsed.searchParams.delete('schema');
    const name = options.name ?? nameOf(parsed);
    if (schema !== null && !/^[a-z_][a-z0-9_]*$/.test(schema)) {
      throw new RatecardError([errorAt({ file: name, line: 1, column: 1 }, 'db', `expected a schema name of lowercase letters, digits and _, got \`${schema}\``, 'bad-option')]);
    }
    const pool = new pg.Pool({ connectionString: parsed.toString(), max: 4, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
    pool.on('error', () => {}); // an idle client that lost its server is dropped; the next query reports it
    const store = new PgStore(pool, name, options);
    try {
      if (options.mustExist && (await pool.query("SELECT to_regclass('schema_version') AS t")).rows[0].t === null) {
        throw new RatecardError([errorAt({ file: name, line: 1, column: 1 }, 'db', 'cannot open the settlement store: nothing was ever run into it', 'io')]);
      }
      await store.migrate(schema);
      return store;
    } catch (e) {
      await pool.end();
      if (e instanceof RatecardError) throw e;
      throw new RatecardError([errorAt({ file: name, line: 1, column: 1 }, 'db', `cannot open the settlement store: ${(e as Error).message || (e as { code?: string }).code}`, 'io')]);
    }
  }

  private async migrate(schema: string | null): Promise<void> {
    await this.transaction(MIGRATION_LOCK, async (c) => {
      if (schema) await c.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await c.query('CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
      const applied = new Set((await new PgReads(c).schemaVersions()).map((v) => v.version));
      for (const m of PG_MIGRATIONS) {
        if (applied.has(m.version)) continue;
        await c.query(m.sql);
        await c.query('INSERT INTO schema_version (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, (this.options.now ?? (() => new Date().toISOString()))()]);
      }
    });
  }

  async post(posting: Posting): Promise<RunRecord | undefined> {
    return this.transaction(lockKey(posting.policyId), async (c) => {
      const now = await new PgReads(c).stamp(posting.policyId);
      if (now.runSeq !== posting.stamp.runSeq || now.closes !== posting.stamp.closes || now.decisions !== posting.stamp.decisions) return undefined;
      const { rows: [{ n }] } = await c.query<{ n: number }>("SELECT nextval('runs_seq')::int AS n");
      const { run, remove, insert } = posting.make(`run-${String(n).padStart(6, '0')}`);
      await c.query(`INSERT INTO runs (seq, id, policy_id, policy_version, policy_hash, source_hash, overrides, facts_hash, period_from, period_to,
        started_by, started_at, line_count, adjustment_count, totals, unchanged) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [n, run.id, run.policyId, run.policyVersion, run.policyHash, run.sourceHash, run.overrides ?? null, run.factsHash, run.from, run.to,
        run.startedBy, run.startedAt, run.lineCount, run.adjustmentCount, JSON.stringify(run.totals), run.unchanged]);
      if (remove.length) {
        const { rows: closed } = await c.query<{ period: string }>(`SELECT l.period FROM lines l JOIN closed_periods p ON p.policy_id = l.policy_id AND p.period = l.period
          WHERE l.policy_id = $1 AND l.id = ANY($2) LIMIT 1`, [posting.policyId, remove]);
        if (closed.length) throw new ClosedPeriodError(`period ${closed[0].period} of ${posting.policyId} is closed: its lines cannot be deleted`);
        await c.query('INSERT INTO replaced_lines SELECT *, $3 FROM lines WHERE policy_id = $1 AND id = ANY($2)', [posting.policyId, remove, run.id]);
        await c.query('DELETE FROM lines WHERE policy_id = $1 AND id = ANY($2)', [posting.policyId, remove]);
      }
      for (let at = 0; at < insert.length; at += BATCH) {
        await insertLines(c, insert.slice(at, at + BATCH));
        for (let i = at; i < Math.min(at + BATCH, insert.length); i++) this.options.afterLineInserted?.(i + 1);
      }
      return run;
    });
  }

  async close(policyId: string, steps: Steps<SealedClose>): Promise<SealedClose> {
    return this.transaction(lockKey(policyId), async (c) => {
      const s = await driveAsync(steps, new PgReads(c));
      await c.query(`INSERT INTO closed_periods (policy_id, period, closed_by, closed_at, runs_through, line_count, lines_digest, runs_digest, previous, seal)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, [s.policyId, s.period, s.closedBy, s.closedAt, s.runsThrough, s.lineCount, s.linesDigest, s.runsDigest, s.previous, s.seal]);
      return s;
    });
  }

  async shutdown(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }

  /** `work` in one transaction holding the advisory lock `key`; waiting longer than the busy timeout is a located "busy" error. */
  private async transaction<T>(key: string, work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    const timeout = this.options.busyTimeoutMs ?? 5000;
    try {
      await c.query('BEGIN');
      await c.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.floor(timeout))}`);
      await c.query('SELECT pg_advisory_xact_lock($1::bigint)', [key]);
      const out = await work(c);
      await c.query('COMMIT');
      return out;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {});
      if ((e as { code?: string }).code === '55P03') {
        throw new RatecardError([errorAt({ file: this.name, line: 1, column: 1 }, 'db',
          `the settlement store is busy: another writer kept it locked for ${timeout} ms; try again when it is done`, 'busy')]);
      }
      throw e;
    } finally {
      c.release();
    }
  }
}

async function insertLines(c: Queryable, lines: StoredLine[]): Promise<void> {
  if (!lines.length) return;
  const values: unknown[] = [];
  const rows = lines.map((l) => {
    const { adjusts, refunds } = l.trace;
    const row = [l.policy, l.id, l.runId, l.period, l.payeeId, l.line, l.kind, l.amount, l.explanation, JSON.stringify(l.trace), l.adjustment,
      l.payeeOrder, l.lineOrder, l.trace.rule, adjusts?.lineId ?? null, adjusts?.period ?? null, refunds ? JSON.stringify(refunds.map((r) => r.source)) : null];
    return `(${row.map((v) => { values.push(v); return `$${values.length}`; }).join(', ')})`;
  });
  await c.query(`INSERT INTO lines (policy_id, id, run_id, period, payee_id, line, kind, amount, explanation, trace, adjustment,
    payee_order, line_order, rule, adjusts_line_id, adjusts_period, returns_sources) VALUES ${rows.join(', ')}`, values);
}

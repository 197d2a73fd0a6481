// Versioned schema of the SQLite settlement store. Each migration runs once, in order, in one
// transaction with its row in `schema_version`; a new file gets every migration on first open.
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const closedGuard = (when: string, row: 'NEW' | 'OLD') => `
  WHEN EXISTS (SELECT 1 FROM closed_periods c WHERE c.policy_id = ${row}.policy_id AND c.period = ${row}.period)
  BEGIN SELECT RAISE(ABORT, 'period is closed: its lines cannot be ${when}'); END;`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'runs, posted lines and closed periods',
    sql: `
      CREATE TABLE runs (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        policy_id TEXT NOT NULL,
        policy_version TEXT NOT NULL,
        policy_hash TEXT NOT NULL,
        source_hash TEXT NOT NULL,
        overrides TEXT,
        facts_hash TEXT NOT NULL,
        period_from TEXT NOT NULL,
        period_to TEXT NOT NULL,
        started_by TEXT NOT NULL,
        started_at TEXT NOT NULL,
        line_count INTEGER NOT NULL,
        adjustment_count INTEGER NOT NULL,
        totals TEXT NOT NULL,
        unchanged INTEGER NOT NULL
      );
      CREATE INDEX runs_policy ON runs (policy_id, seq);
      CREATE TABLE lines (
        policy_id TEXT NOT NULL,
        id TEXT NOT NULL,
        run_id TEXT NOT NULL REFERENCES runs (id),
        period TEXT NOT NULL,
        payee_id TEXT NOT NULL,
        line TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('commission', 'deduction', 'refund', 'bonus')),
        amount TEXT NOT NULL,
        explanation TEXT NOT NULL,
        trace TEXT NOT NULL,
        adjustment INTEGER NOT NULL,
        payee_order INTEGER NOT NULL,
        line_order INTEGER NOT NULL,
        PRIMARY KEY (policy_id, id)
      );
      CREATE INDEX lines_period ON lines (policy_id, period);
      CREATE INDEX lines_payee ON lines (policy_id, payee_id, period);
      CREATE TABLE closed_periods (
        policy_id TEXT NOT NULL,
        period TEXT NOT NULL,
        closed_by TEXT NOT NULL,
        closed_at TEXT NOT NULL,
        PRIMARY KEY (policy_id, period)
      );`,
  },
  {
    version: 2,
    name: 'closed periods are immutable',
    sql: `
      CREATE TRIGGER lines_closed_insert BEFORE INSERT ON lines ${closedGuard('inserted', 'NEW')}
      CREATE TRIGGER lines_closed_update_old BEFORE UPDATE ON lines ${closedGuard('changed', 'OLD')}
      CREATE TRIGGER lines_closed_update_new BEFORE UPDATE ON lines ${closedGuard('changed', 'NEW')}
      CREATE TRIGGER lines_closed_delete BEFORE DELETE ON lines ${closedGuard('deleted', 'OLD')}
      CREATE TRIGGER closed_periods_no_update BEFORE UPDATE ON closed_periods
        BEGIN SELECT RAISE(ABORT, 'a period close cannot be changed'); END;
      CREATE TRIGGER closed_periods_no_delete BEFORE DELETE ON closed_periods
        BEGIN SELECT RAISE(ABORT, 'a period close cannot be undone'); END;`,
  },
  {
    version: 3,
    name: 'ledger columns: history is read without parsing traces',
    // filling the new columns of closed lines needs the update guards lifted for the migration
    sql: `
      ALTER TABLE lines ADD COLUMN rule TEXT;
      ALTER TABLE lines ADD COLUMN adjusts_line_id TEXT;
      ALTER TABLE lines ADD COLUMN adjusts_period TEXT;
      ALTER TABLE lines ADD COLUMN returns_sources TEXT;
      DROP TRIGGER lines_closed_update_old;
      DROP TRIGGER lines_closed_update_new;
      UPDATE lines SET
        rule = json_extract(trace, '$.rule'),
        adjusts_line_id = json_extract(trace, '$.adjusts.lineId'),
        adjusts_period = json_extract(trace, '$.adjusts.period'),
        returns_sources = CASE WHEN json_type(trace, '$.refunds') IS NULL THEN NULL
          ELSE (SELECT json_group_array(json_extract(r.value, '$.source')) FROM json_each(lines.trace, '$.refunds') r) END;
      CREATE TRIGGER lines_closed_update_old BEFORE UPDATE ON lines ${closedGuard('changed', 'OLD')}
      CREATE TRIGGER lines_closed_update_new BEFORE UPDATE ON lines ${closedGuard('changed', 'NEW')}`,
  },
];

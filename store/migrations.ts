// Versioned schema of the SQLite settlement store. Each migration runs once, in order, in one
// transaction with its row in `schema_version`; a new file gets every migration on first open.
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Work in code after the SQL, in the same transaction. */
  after?: (store: MigrationHost) => void;
}

/** What a migration's code may ask of the store. */
export interface MigrationHost {
  /** Seals the closes made before seals existed, in period order. */
  sealUnsealedCloses(): void;
}

const refuse = (message: string) => `BEGIN SELECT RAISE(ABORT, '${message}'); END;`;
const closedLineWithKey = (row: string, other = '') => `EXISTS (SELECT 1 FROM lines l JOIN closed_periods c ON c.policy_id = l.policy_id AND c.period = l.period
  WHERE l.policy_id = ${row}.policy_id AND l.id = ${row}.id${other})`;

const closedGuard = (when: string, row: 'NEW' | 'OLD') => `
  WHEN EXISTS (SELECT 1 FROM closed_periods c WHERE c.policy_id = ${row}.policy_id AND c.period = ${row}.period)
  BEGIN SELECT RAISE(ABORT, 'period is closed: its lines cannot be ${when}'); END;`;

import { POLICY_MIGRATIONS } from './policies/sqlite-migrations.js';

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
        ${refuse('a period close cannot be changed')}
      CREATE TRIGGER closed_periods_no_delete BEFORE DELETE ON closed_periods
        ${refuse('a period close cannot be undone')}`,
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
  {
    version: 4,
    name: 'seals of closed periods; runs append-only; no REPLACE of closed lines, closes or runs',
    // INSERT OR REPLACE deletes the conflicting row without firing DELETE triggers (unless
    // recursive_triggers is on), so each table also refuses an insert whose key is taken by a row
    // it protects, and an update that moves a row onto such a key
    sql: `
      CREATE TABLE seals (
        policy_id TEXT NOT NULL,
        period TEXT NOT NULL,
        runs_through INTEGER NOT NULL,
        line_count INTEGER NOT NULL,
        lines_digest TEXT NOT NULL,
        runs_digest TEXT NOT NULL,
        previous TEXT NOT NULL,
        seal TEXT NOT NULL,
        PRIMARY KEY (policy_id, period),
        FOREIGN KEY (policy_id, period) REFERENCES closed_periods (policy_id, period)
      );
      CREATE TRIGGER seals_no_update BEFORE UPDATE ON seals ${refuse('a seal cannot be changed')}
      CREATE TRIGGER seals_no_delete BEFORE DELETE ON seals ${refuse('a seal cannot be removed')}
      CREATE TRIGGER seals_no_replace BEFORE INSERT ON seals
        WHEN EXISTS (SELECT 1 FROM seals s WHERE s.policy_id = NEW.policy_id AND s.period = NEW.period) ${refuse('a seal cannot be replaced')}
      CREATE TRIGGER closed_periods_no_replace BEFORE INSERT ON closed_periods
        WHEN EXISTS (SELECT 1 FROM closed_periods c WHERE c.policy_id = NEW.policy_id AND c.period = NEW.period) ${refuse('a period close cannot be replaced')}
      CREATE TRIGGER runs_no_update BEFORE UPDATE ON runs ${refuse('a run cannot be changed')}
      CREATE TRIGGER runs_no_delete BEFORE DELETE ON runs ${refuse('a run cannot be deleted')}
      CREATE TRIGGER runs_no_replace BEFORE INSERT ON runs
        WHEN EXISTS (SELECT 1 FROM runs r WHERE r.id = NEW.id OR r.seq = NEW.seq) ${refuse('a run cannot be replaced')}
      CREATE TRIGGER lines_closed_replace BEFORE INSERT ON lines WHEN ${closedLineWithKey('NEW')}
        ${refuse('period is closed: its lines cannot be replaced')}
      CREATE TRIGGER lines_closed_update_key BEFORE UPDATE ON lines WHEN ${closedLineWithKey('NEW', ' AND l.rowid <> OLD.rowid')}
        ${refuse('period is closed: its lines cannot be replaced')}`,
    after: (store) => store.sealUnsealedCloses(),
  },
  // 5: the policy registry (store/policies)
  ...POLICY_MIGRATIONS,
  {
    version: 6,
    name: 'lines a later run replaced are kept, with that run, so a statement replays as it stood',
    sql: `
      CREATE TABLE replaced_lines AS SELECT * FROM lines WHERE 0;
      ALTER TABLE replaced_lines ADD COLUMN replaced_by TEXT;
      CREATE INDEX replaced_lines_payee ON replaced_lines (policy_id, payee_id, period);
      CREATE TRIGGER replaced_lines_no_update BEFORE UPDATE ON replaced_lines ${refuse('a replaced line cannot be changed')}
      CREATE TRIGGER replaced_lines_no_delete BEFORE DELETE ON replaced_lines ${refuse('a replaced line cannot be removed')}`,
  },
];

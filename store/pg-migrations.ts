// Versioned schema of the PostgreSQL settlement store, by hand in SQL: each migration runs once,
// in order, in one transaction with its row in `schema_version`. Amounts are NUMERIC, traces and
// totals JSONB; keys and periods compare bytewise (COLLATE "C"), as in SQLite. The database
// itself refuses any change to a closed period's lines, to a close and to a run.
import type { Migration } from './migrations.js';
import { PG_POLICY_MIGRATIONS } from './policies/pg-migrations.js';

const C = 'TEXT COLLATE "C" NOT NULL';

export const PG_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'runs, posted lines and sealed closes',
    sql: `
      CREATE SEQUENCE runs_seq AS integer;
      CREATE TABLE runs (
        seq integer PRIMARY KEY DEFAULT nextval('runs_seq'),
        id ${C} UNIQUE,
        policy_id ${C},
        policy_version TEXT NOT NULL,
        policy_hash TEXT NOT NULL,
        source_hash TEXT NOT NULL,
        overrides TEXT,
        facts_hash TEXT NOT NULL,
        period_from ${C},
        period_to ${C},
        started_by TEXT NOT NULL,
        started_at TEXT NOT NULL,
        line_count integer NOT NULL,
        adjustment_count integer NOT NULL,
        totals JSONB NOT NULL,
        unchanged boolean NOT NULL
      );
      CREATE INDEX runs_policy ON runs (policy_id, seq);
      CREATE TABLE lines (
        policy_id ${C},
        id ${C},
        run_id ${C} REFERENCES runs (id),
        period ${C},
        payee_id ${C},
        line TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('commission', 'deduction', 'refund', 'bonus')),
        amount NUMERIC NOT NULL,
        explanation TEXT NOT NULL,
        trace JSONB NOT NULL,
        adjustment boolean NOT NULL,
        payee_order integer NOT NULL,
        line_order integer NOT NULL,
        rule TEXT,
        adjusts_line_id TEXT,
        adjusts_period TEXT,
        returns_sources JSONB,
        PRIMARY KEY (policy_id, id)
      );
      CREATE INDEX lines_period ON lines (policy_id, period);
      CREATE INDEX lines_payee ON lines (policy_id, payee_id, period);
      CREATE TABLE closed_periods (
        policy_id ${C},
        period ${C},
        closed_by TEXT NOT NULL,
        closed_at TEXT NOT NULL,
        runs_through integer NOT NULL,
        line_count integer NOT NULL,
        lines_digest TEXT NOT NULL,
        runs_digest TEXT NOT NULL,
        previous TEXT NOT NULL,
        seal TEXT NOT NULL,
        PRIMARY KEY (policy_id, period)
      );`,
  },
  {
    version: 2,
    name: 'closed periods, closes and runs are immutable',
    sql: `
      CREATE FUNCTION ratecard_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_violation'; END $$;
      CREATE FUNCTION ratecard_closed_lines() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP <> 'INSERT' AND EXISTS (SELECT 1 FROM closed_periods c WHERE c.policy_id = OLD.policy_id AND c.period = OLD.period) THEN
            RAISE EXCEPTION 'period is closed: its lines cannot be %', CASE TG_OP WHEN 'DELETE' THEN 'deleted' ELSE 'changed' END
              USING ERRCODE = 'integrity_constraint_violation';
          END IF;
          IF TG_OP <> 'DELETE' AND EXISTS (SELECT 1 FROM closed_periods c WHERE c.policy_id = NEW.policy_id AND c.period = NEW.period) THEN
            RAISE EXCEPTION 'period is closed: its lines cannot be %', CASE TG_OP WHEN 'INSERT' THEN 'inserted' ELSE 'changed' END
              USING ERRCODE = 'integrity_constraint_violation';
          END IF;
          IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
          RETURN NEW;
        END $$;
      CREATE TRIGGER lines_closed BEFORE INSERT OR UPDATE OR DELETE ON lines FOR EACH ROW EXECUTE FUNCTION ratecard_closed_lines();
      CREATE TRIGGER lines_no_truncate BEFORE TRUNCATE ON lines EXECUTE FUNCTION ratecard_refuse('posted lines cannot be truncated');
      CREATE TRIGGER runs_immutable BEFORE UPDATE OR DELETE ON runs FOR EACH ROW EXECUTE FUNCTION ratecard_refuse('a run cannot be changed or deleted');
      CREATE TRIGGER runs_no_truncate BEFORE TRUNCATE ON runs EXECUTE FUNCTION ratecard_refuse('runs cannot be truncated');
      CREATE TRIGGER closed_periods_immutable BEFORE UPDATE OR DELETE ON closed_periods FOR EACH ROW
        EXECUTE FUNCTION ratecard_refuse('a period close cannot be changed or undone');
      CREATE TRIGGER closed_periods_no_truncate BEFORE TRUNCATE ON closed_periods EXECUTE FUNCTION ratecard_refuse('period closes cannot be truncated');`,
  },
  // 3: the policy registry (store/policies)
  ...PG_POLICY_MIGRATIONS,
  {
    version: 4,
    name: 'lines a later run replaced are kept, with that run, so a statement replays as it stood',
    sql: `
      CREATE TABLE replaced_lines (LIKE lines);
      ALTER TABLE replaced_lines ADD COLUMN replaced_by TEXT COLLATE "C" NOT NULL;
      CREATE INDEX replaced_lines_payee ON replaced_lines (policy_id, payee_id, period);
      CREATE TRIGGER replaced_lines_immutable BEFORE UPDATE OR DELETE ON replaced_lines FOR EACH ROW
        EXECUTE FUNCTION ratecard_refuse('a replaced line cannot be changed or removed');
      CREATE TRIGGER replaced_lines_no_truncate BEFORE TRUNCATE ON replaced_lines EXECUTE FUNCTION ratecard_refuse('replaced lines cannot be truncated');`,
  },
];

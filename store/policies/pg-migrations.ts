// The policy registry's tables in the PostgreSQL store (migration 3, appended to `PG_MIGRATIONS`):
// one row trigger keeps approved (and rejected, withdrawn) versions immutable, allows only the
// approval process's transitions and submitted texts unchanged; transitions and settings are
// append-only; TRUNCATE is refused. An approval by the author or submitter fails a CHECK.
import { DECIDED_BY_ANOTHER, LEGAL_TRANSITION, type PolicyMigration, SUBMITTED_COLUMNS } from './sqlite-migrations.js';

const C = 'TEXT COLLATE "C" NOT NULL';

export const PG_POLICY_MIGRATIONS: readonly PolicyMigration[] = [
  {
    version: 3,
    name: 'policy versions, approvals and their transitions',
    sql: `
      CREATE TABLE policy_versions (
        policy_id ${C},
        version ${C},
        file TEXT NOT NULL,
        source TEXT NOT NULL,
        source_hash TEXT NOT NULL,
        effective_from TEXT COLLATE "C",
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'approved', 'rejected', 'withdrawn')),
        submitted_by TEXT,
        submitted_at TEXT,
        impact JSONB,
        decided_by TEXT,
        decided_at TEXT,
        PRIMARY KEY (policy_id, version),
        ${DECIDED_BY_ANOTHER}
      );
      CREATE TABLE policy_transitions (
        seq bigserial PRIMARY KEY,
        policy_id ${C},
        version ${C},
        from_state TEXT,
        to_state TEXT NOT NULL,
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        why TEXT NOT NULL,
        impact JSONB,
        FOREIGN KEY (policy_id, version) REFERENCES policy_versions (policy_id, version)
      );
      CREATE INDEX policy_transitions_version ON policy_transitions (policy_id, version, seq);
      CREATE TABLE store_settings (key ${C} PRIMARY KEY, value TEXT NOT NULL, set_by TEXT NOT NULL, set_at TEXT NOT NULL);
      CREATE FUNCTION ratecard_policy_versions() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'DELETE' THEN
            RAISE EXCEPTION 'a policy version cannot be deleted' USING ERRCODE = 'integrity_constraint_violation';
          END IF;
          IF OLD.state = 'approved' THEN
            RAISE EXCEPTION 'an approved policy version cannot be changed' USING ERRCODE = 'integrity_constraint_violation';
          END IF;
          IF OLD.state IN ('rejected', 'withdrawn') THEN
            RAISE EXCEPTION 'a rejected or withdrawn policy version cannot be changed' USING ERRCODE = 'integrity_constraint_violation';
          END IF;
          IF NOT ${LEGAL_TRANSITION} THEN
            RAISE EXCEPTION 'not a transition of the approval process' USING ERRCODE = 'integrity_constraint_violation';
          END IF;
          IF OLD.state = 'submitted' AND (${SUBMITTED_COLUMNS.map((c) => `NEW.${c} IS DISTINCT FROM OLD.${c}`).join(' OR ')}) THEN
            RAISE EXCEPTION 'a submitted policy version cannot be edited' USING ERRCODE = 'integrity_constraint_violation';
          END IF;
          RETURN NEW;
        END $$;
      CREATE TRIGGER policy_versions_guard BEFORE UPDATE OR DELETE ON policy_versions FOR EACH ROW EXECUTE FUNCTION ratecard_policy_versions();
      CREATE TRIGGER policy_versions_no_truncate BEFORE TRUNCATE ON policy_versions EXECUTE FUNCTION ratecard_refuse('policy versions cannot be truncated');
      CREATE TRIGGER policy_transitions_immutable BEFORE UPDATE OR DELETE ON policy_transitions FOR EACH ROW
        EXECUTE FUNCTION ratecard_refuse('a recorded transition cannot be changed or deleted');
      CREATE TRIGGER policy_transitions_no_truncate BEFORE TRUNCATE ON policy_transitions EXECUTE FUNCTION ratecard_refuse('transitions cannot be truncated');
      CREATE TRIGGER store_settings_immutable BEFORE UPDATE OR DELETE ON store_settings FOR EACH ROW
        EXECUTE FUNCTION ratecard_refuse('a store setting cannot be changed or removed');
      CREATE TRIGGER store_settings_no_truncate BEFORE TRUNCATE ON store_settings EXECUTE FUNCTION ratecard_refuse('store settings cannot be truncated');`,
  },
];

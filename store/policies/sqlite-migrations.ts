// The policy registry's tables in the SQLite store (migration 5, appended to `MIGRATIONS`): the
// database itself keeps approved versions immutable, allows only the approval process's
// transitions, refuses an approval by the version's author or submitter, and keeps the
// transitions and the store's settings append-only (REPLACE included).

/** A migration as the store's `Migration` (migrations.ts) runs it; declared here so that file's import of this one is no cycle. */
export interface PolicyMigration { version: number; name: string; sql: string }

const refuse = (message: string) => `BEGIN SELECT RAISE(ABORT, '${message}'); END;`;

/** The transitions the approval process allows, as SQL over OLD and NEW. */
export const LEGAL_TRANSITION = `(NEW.state = OLD.state OR (OLD.state = 'draft' AND NEW.state IN ('submitted', 'withdrawn'))
  OR (OLD.state = 'submitted' AND NEW.state IN ('approved', 'rejected', 'withdrawn')))`;

/** Columns a submitted version keeps for ever (the text, its key, its author, its submission), as SQL over OLD and NEW. */
export const SUBMITTED_COLUMNS = ['source', 'source_hash', 'file', 'policy_id', 'version', 'effective_from', 'author', 'created_at', 'submitted_by', 'submitted_at', 'impact'];

/** A decided version names its decider, who is neither its author nor its submitter (both backends). */
export const DECIDED_BY_ANOTHER = `CONSTRAINT decided_by_another CHECK (state NOT IN ('approved', 'rejected')
  OR (decided_by IS NOT NULL AND decided_by <> author AND decided_by <> submitted_by))`;

export const POLICY_MIGRATIONS: readonly PolicyMigration[] = [
  {
    version: 5,
    name: 'policy versions, approvals and their transitions',
    sql: `
      CREATE TABLE policy_versions (
        policy_id TEXT NOT NULL,
        version TEXT NOT NULL,
        file TEXT NOT NULL,
        source TEXT NOT NULL,
        source_hash TEXT NOT NULL,
        effective_from TEXT,
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'approved', 'rejected', 'withdrawn')),
        submitted_by TEXT,
        submitted_at TEXT,
        impact TEXT,
        decided_by TEXT,
        decided_at TEXT,
        PRIMARY KEY (policy_id, version),
        ${DECIDED_BY_ANOTHER}
      );
      CREATE TABLE policy_transitions (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        policy_id TEXT NOT NULL,
        version TEXT NOT NULL,
        from_state TEXT,
        to_state TEXT NOT NULL,
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        why TEXT NOT NULL,
        impact TEXT,
        FOREIGN KEY (policy_id, version) REFERENCES policy_versions (policy_id, version)
      );
      CREATE INDEX policy_transitions_version ON policy_transitions (policy_id, version, seq);
      CREATE TABLE store_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL, set_by TEXT NOT NULL, set_at TEXT NOT NULL);
      CREATE TRIGGER policy_versions_approved BEFORE UPDATE ON policy_versions WHEN OLD.state = 'approved'
        ${refuse('an approved policy version cannot be changed')}
      CREATE TRIGGER policy_versions_closed BEFORE UPDATE ON policy_versions WHEN OLD.state IN ('rejected', 'withdrawn')
        ${refuse('a rejected or withdrawn policy version cannot be changed')}
      CREATE TRIGGER policy_versions_transition BEFORE UPDATE ON policy_versions
        WHEN OLD.state IN ('draft', 'submitted') AND NOT ${LEGAL_TRANSITION}
        ${refuse('not a transition of the approval process')}
      CREATE TRIGGER policy_versions_text BEFORE UPDATE ON policy_versions WHEN OLD.state = 'submitted' AND ${LEGAL_TRANSITION}
        AND (${SUBMITTED_COLUMNS.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ')})
        ${refuse('a submitted policy version cannot be edited')}
      CREATE TRIGGER policy_versions_no_delete BEFORE DELETE ON policy_versions ${refuse('a policy version cannot be deleted')}
      CREATE TRIGGER policy_versions_no_replace BEFORE INSERT ON policy_versions
        WHEN EXISTS (SELECT 1 FROM policy_versions v WHERE v.policy_id = NEW.policy_id AND v.version = NEW.version)
        ${refuse('a policy version cannot be replaced')}
      CREATE TRIGGER policy_transitions_no_update BEFORE UPDATE ON policy_transitions ${refuse('a recorded transition cannot be changed')}
      CREATE TRIGGER policy_transitions_no_delete BEFORE DELETE ON policy_transitions ${refuse('a recorded transition cannot be deleted')}
      CREATE TRIGGER policy_transitions_no_replace BEFORE INSERT ON policy_transitions
        WHEN EXISTS (SELECT 1 FROM policy_transitions t WHERE t.seq = NEW.seq) ${refuse('a recorded transition cannot be replaced')}
      CREATE TRIGGER store_settings_no_update BEFORE UPDATE ON store_settings ${refuse('a store setting cannot be changed')}
      CREATE TRIGGER store_settings_no_delete BEFORE DELETE ON store_settings ${refuse('a store setting cannot be removed')}
      CREATE TRIGGER store_settings_no_replace BEFORE INSERT ON store_settings
        WHEN EXISTS (SELECT 1 FROM store_settings s WHERE s.key = NEW.key) ${refuse('a store setting cannot be replaced')}`,
  },
];

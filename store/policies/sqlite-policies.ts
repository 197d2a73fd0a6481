// The policy registry in the SQLite store, over its connection: each change is one IMMEDIATE
// transaction (the store's, so a writer that waits too long gets the store's located "busy").
import type Database from 'better-sqlite3';
import { REQUIRE_APPROVAL, type PolicyBackend } from './backend.js';
import { APPROVED_SQL, TRANSITION_COLUMNS, transitionOf, transitionValues, VERSION_COLUMNS, versionOf, versionValues, type TransitionRow, type VersionRow } from './rows.js';
import type { ApprovalGate, ApprovedVersion, PolicyTransition, PolicyVersionRecord, StoreSetting, VersionChange, VersionFilter } from './types.js';

/** What the registry needs of the SQLite store. */
export interface SqliteHost {
  readonly db: Database.Database;
  transaction<T>(work: () => T): T;
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export class SqlitePolicies implements PolicyBackend<false> {
  constructor(private readonly host: SqliteHost) {}

  versions(filter: VersionFilter = {}): PolicyVersionRecord[] {
    const where: string[] = [];
    const values: unknown[] = [];
    if (filter.policyId !== undefined) { where.push('policy_id = ?'); values.push(filter.policyId); }
    if (filter.state !== undefined) { where.push('state = ?'); values.push(filter.state); }
    const rows = this.host.db.prepare(`SELECT * FROM policy_versions ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY policy_id, created_at, version`).all(...values) as VersionRow[];
    return rows.map(versionOf);
  }

  version(policyId: string, version: string): PolicyVersionRecord | undefined {
    const row = this.host.db.prepare('SELECT * FROM policy_versions WHERE policy_id = ? AND version = ?').get(policyId, version) as VersionRow | undefined;
    return row && versionOf(row);
  }

  transitions(policyId: string, version: string): PolicyTransition[] {
    return (this.host.db.prepare('SELECT * FROM policy_transitions WHERE policy_id = ? AND version = ? ORDER BY seq').all(policyId, version) as TransitionRow[]).map(transitionOf);
  }

  gate(policyId: string): ApprovalGate {
    const registered = this.host.db.prepare('SELECT 1 FROM policy_versions WHERE policy_id = ? LIMIT 1').get(policyId) !== undefined;
    const store = this.setting(REQUIRE_APPROVAL)?.value === 'on';
    const approved = this.host.db.prepare(APPROVED_SQL('?')).all(policyId) as ApprovedVersion[];
    return { required: registered || store, reason: registered ? 'registered' : store ? 'store' : null, approved };
  }

  change(policyId: string, version: string, decide: (current: PolicyVersionRecord | undefined) => VersionChange): PolicyVersionRecord {
    return this.host.transaction(() => {
      const current = this.version(policyId, version);
      const { record, transition } = decide(current);
      const values = versionValues(record);
      if (current) {
        this.host.db.prepare(`UPDATE policy_versions SET ${VERSION_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE policy_id = ? AND version = ?`)
          .run(...values, policyId, version);
      } else {
        this.host.db.prepare(`INSERT INTO policy_versions (${VERSION_COLUMNS.join(', ')}) VALUES (${marks(VERSION_COLUMNS.length)})`).run(...values);
      }
      this.host.db.prepare(`INSERT INTO policy_transitions (${TRANSITION_COLUMNS}) VALUES (${marks(8)})`).run(...transitionValues(transition));
      return record;
    });
  }

  setting(key: string): StoreSetting | undefined {
    return this.host.db.prepare('SELECT key, value, set_by AS setBy, set_at AS setAt FROM store_settings WHERE key = ?').get(key) as StoreSetting | undefined;
  }

  setSetting(s: StoreSetting): void {
    this.host.transaction(() => this.host.db.prepare('INSERT INTO store_settings (key, value, set_by, set_at) VALUES (?, ?, ?, ?)').run(s.key, s.value, s.setBy, s.setAt));
  }
}

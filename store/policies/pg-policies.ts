// The policy registry in the PostgreSQL store: reads over the pool, each change one transaction
// holding the policy's advisory lock (the lock runs are posted under), decided on the version
// as it stands inside it.
import type pg from 'pg';
import { REQUIRE_APPROVAL, type PolicyBackend } from './backend.js';
import { APPROVED_SQL, TRANSITION_COLUMNS, transitionOf, transitionValues, VERSION_COLUMNS, versionOf, versionValues, type TransitionRow, type VersionRow } from './rows.js';
import type { ApprovalGate, ApprovedVersion, PolicyTransition, PolicyVersionRecord, StoreSetting, VersionChange, VersionFilter } from './types.js';

interface Queryable {
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

/** Runs `work` in one transaction holding the lock of `policyId` (the store's own transaction, with its busy timeout). */
export type LockedTransaction = <T>(policyId: string, work: (c: Queryable) => Promise<T>) => Promise<T>;

const marks = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `$${i + from}`).join(', ');

async function versionIn(q: Queryable, policyId: string, version: string): Promise<PolicyVersionRecord | undefined> {
  const { rows } = await q.query<VersionRow>('SELECT * FROM policy_versions WHERE policy_id = $1 AND version = $2', [policyId, version]);
  return rows[0] && versionOf(rows[0]);
}

export class PgPolicies implements PolicyBackend<true> {
  constructor(private readonly q: Queryable, private readonly locked: LockedTransaction) {}

  async versions(filter: VersionFilter = {}): Promise<PolicyVersionRecord[]> {
    const where: string[] = [];
    const values: unknown[] = [];
    if (filter.policyId !== undefined) { values.push(filter.policyId); where.push(`policy_id = $${values.length}`); }
    if (filter.state !== undefined) { values.push(filter.state); where.push(`state = $${values.length}`); }
    const { rows } = await this.q.query<VersionRow>(`SELECT * FROM policy_versions ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY policy_id, created_at, version`, values);
    return rows.map(versionOf);
  }

  version(policyId: string, version: string): Promise<PolicyVersionRecord | undefined> {
    return versionIn(this.q, policyId, version);
  }

  async transitions(policyId: string, version: string): Promise<PolicyTransition[]> {
    const { rows } = await this.q.query<TransitionRow>('SELECT * FROM policy_transitions WHERE policy_id = $1 AND version = $2 ORDER BY seq', [policyId, version]);
    return rows.map(transitionOf);
  }

  async gate(policyId: string): Promise<ApprovalGate> {
    const registered = (await this.q.query('SELECT 1 FROM policy_versions WHERE policy_id = $1 LIMIT 1', [policyId])).rowCount! > 0;
    const store = (await this.setting(REQUIRE_APPROVAL))?.value === 'on';
    const { rows } = await this.q.query<ApprovedVersion & { approvedSeq: string }>(APPROVED_SQL('$1'), [policyId]);
    const approved = rows.map((r) => ({ ...r, approvedSeq: Number(r.approvedSeq) }));
    return { required: registered || store, reason: registered ? 'registered' : store ? 'store' : null, approved };
  }

  change(policyId: string, version: string, decide: (current: PolicyVersionRecord | undefined) => VersionChange): Promise<PolicyVersionRecord> {
    return this.locked(policyId, async (c) => {
      const current = await versionIn(c, policyId, version);
      const { record, transition } = decide(current);
      const values = versionValues(record);
      if (current) {
        await c.query(`UPDATE policy_versions SET ${VERSION_COLUMNS.map((col, i) => `${col} = $${i + 1}`).join(', ')}
          WHERE policy_id = $${values.length + 1} AND version = $${values.length + 2}`, [...values, policyId, version]);
      } else {
        await c.query(`INSERT INTO policy_versions (${VERSION_COLUMNS.join(', ')}) VALUES (${marks(values.length)})`, values);
      }
      await c.query(`INSERT INTO policy_transitions (${TRANSITION_COLUMNS}) VALUES (${marks(8)})`, transitionValues(transition));
      return record;
    });
  }

  async setting(key: string): Promise<StoreSetting | undefined> {
    const { rows } = await this.q.query<StoreSetting>('SELECT key, value, set_by AS "setBy", set_at AS "setAt" FROM store_settings WHERE key = $1', [key]);
    return rows[0];
  }

  async setSetting(s: StoreSetting): Promise<void> {
    await this.locked('(settings)', (c) => c.query('INSERT INTO store_settings (key, value, set_by, set_at) VALUES ($1, $2, $3, $4)', [s.key, s.value, s.setBy, s.setAt]));
  }
}

// Rows of the registry's tables and back, the same for both backends (JSON columns arrive as
// text from SQLite and parsed from PostgreSQL's JSONB).
import type { MeasuredImpact, PolicyState, PolicyTransition, PolicyVersionRecord } from './types.js';

export interface VersionRow {
  policy_id: string; version: string; file: string; source: string; source_hash: string; effective_from: string | null;
  author: string; created_at: string; state: string; submitted_by: string | null; submitted_at: string | null;
  impact: string | MeasuredImpact | null; decided_by: string | null; decided_at: string | null;
}

export interface TransitionRow {
  seq: number | string; policy_id: string; version: string; from_state: string | null; to_state: string;
  actor: string; at: string; why: string; impact: string | MeasuredImpact | null;
}

const json = (v: string | MeasuredImpact | null): MeasuredImpact | null => (typeof v === 'string' ? JSON.parse(v) as MeasuredImpact : v);

export const VERSION_COLUMNS = ['policy_id', 'version', 'file', 'source', 'source_hash', 'effective_from', 'author', 'created_at',
  'state', 'submitted_by', 'submitted_at', 'impact', 'decided_by', 'decided_at'] as const;

export const versionOf = (r: VersionRow): PolicyVersionRecord => ({
  policyId: r.policy_id, version: r.version, file: r.file, source: r.source, sourceHash: r.source_hash, effectiveFrom: r.effective_from,
  author: r.author, createdAt: r.created_at, state: r.state as PolicyState, submittedBy: r.submitted_by, submittedAt: r.submitted_at,
  impact: json(r.impact), decidedBy: r.decided_by, decidedAt: r.decided_at,
});

/** The record's values in `VERSION_COLUMNS` order. */
export const versionValues = (v: PolicyVersionRecord): unknown[] => [v.policyId, v.version, v.file, v.source, v.sourceHash, v.effectiveFrom,
  v.author, v.createdAt, v.state, v.submittedBy, v.submittedAt, v.impact && JSON.stringify(v.impact), v.decidedBy, v.decidedAt];

export const transitionOf = (r: TransitionRow): PolicyTransition => ({
  seq: Number(r.seq), policyId: r.policy_id, version: r.version, from: r.from_state as PolicyState | null, to: r.to_state as PolicyState,
  by: r.actor, at: r.at, why: r.why, impact: json(r.impact),
});

export const TRANSITION_COLUMNS = 'policy_id, version, from_state, to_state, actor, at, why, impact';
export const transitionValues = (t: Omit<PolicyTransition, 'seq'>): unknown[] =>
  [t.policyId, t.version, t.from, t.to, t.by, t.at, t.why, t.impact && JSON.stringify(t.impact)];

/** The approved versions of a policy with their approval's transition number. */
export const APPROVED_SQL = (p: string) => `SELECT v.version, v.source_hash AS "sourceHash", v.effective_from AS "effectiveFrom",
  (SELECT MAX(t.seq) FROM policy_transitions t WHERE t.policy_id = v.policy_id AND t.version = v.version AND t.to_state = 'approved') AS "approvedSeq"
  FROM policy_versions v WHERE v.policy_id = ${p} AND v.state = 'approved' ORDER BY "approvedSeq"`;

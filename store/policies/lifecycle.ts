// The approval process as decisions on a version as it stands (inside the change's transaction):
// draft → submitted → approved | rejected, or withdrawn before a decision. Each decision returns
// the version as it becomes and the transition to record, or throws a located error. Approval
// and rejection need someone who neither wrote nor submitted the version.
import type { Period } from '../../engine/index.js';
import { atStore, ref } from './located.js';
import type { MeasuredImpact, PolicyState, PolicyVersionRecord, VersionChange } from './types.js';

/** Who acts, why, and when. */
export interface Act { by: string; why: string; at: string }

/** A new text of a version: its key, file, text, hash and effective month. */
export interface DraftText {
  policyId: string; version: string; file: string; source: string; sourceHash: string; effectiveFrom: Period | null;
}

const change = (current: PolicyVersionRecord | undefined, record: PolicyVersionRecord, act: Act, impact: MeasuredImpact | null = null): VersionChange => ({
  record,
  transition: { policyId: record.policyId, version: record.version, from: current?.state ?? null, to: record.state, by: act.by, at: act.at, why: act.why, impact },
});

/** Refuses an empty name or reason (`field`: the option that gave it). */
export function requireText(value: string, field: string, what: string, where: string): void {
  if (!value.trim()) throw atStore(where, field, `expected ${what}, got an empty text`, 'bad-option');
}

/** A new draft, or a draft's text replaced; a version past its draft keeps its text for ever. */
export const draft = (text: DraftText, act: Act, where: string) => (current: PolicyVersionRecord | undefined): VersionChange => {
  if (current && current.state !== 'draft') {
    throw atStore(where, 'version', `${ref(text.policyId, text.version)} is already ${current.state}: its text cannot change; give the new text a new \`version\``, 'version-taken');
  }
  return change(current, {
    ...text, author: current?.author ?? act.by, createdAt: current?.createdAt ?? act.at, state: 'draft',
    submittedBy: null, submittedAt: null, impact: null, decidedBy: null, decidedAt: null,
  }, act);
};

const missing = (policyId: string, version: string, where: string) =>
  atStore(where, 'version', `no version ${ref(policyId, version)} in the policy registry`, 'unknown-version');

const expectState = (current: PolicyVersionRecord | undefined, states: PolicyState[], doing: string, key: { policyId: string; version: string }, where: string): PolicyVersionRecord => {
  if (!current) throw missing(key.policyId, key.version, where);
  if (!states.includes(current.state)) {
    throw atStore(where, 'state', `${ref(current.policyId, current.version)} is ${current.state}: only a ${states.join(' or ')} version can be ${doing}`, 'bad-transition');
  }
  return current;
};

export const submit = (key: { policyId: string; version: string; sourceHash: string }, impact: MeasuredImpact, act: Act, where: string) => (current: PolicyVersionRecord | undefined): VersionChange => {
  const v = expectState(current, ['draft'], 'submitted', key, where);
  if (v.sourceHash !== key.sourceHash) throw atStore(where, 'version', `${ref(v.policyId, v.version)} changed while it was being submitted: submit it again`, 'busy');
  return change(current, { ...v, state: 'submitted', submittedBy: act.by, submittedAt: act.at, impact }, act, impact);
};

/** Approves or rejects a submitted version: only someone who neither wrote nor submitted it. */
export const decide = (key: { policyId: string; version: string }, to: 'approved' | 'rejected', act: Act, where: string) => (current: PolicyVersionRecord | undefined): VersionChange => {
  const v = expectState(current, ['submitted'], to, key, where);
  const verb = to === 'approved' ? 'approve' : 'reject';
  if (act.by === v.submittedBy || act.by === v.author) {
    throw atStore(where, 'by', `\`${act.by}\` cannot ${verb} ${ref(v.policyId, v.version)}: they ${act.by === v.author ? 'wrote' : 'submitted'} it, and a version is ${to} by someone else`, 'self-approval');
  }
  return change(current, { ...v, state: to, decidedBy: act.by, decidedAt: act.at }, act);
};

/** Withdraws a draft or a submitted version: its author or submitter only. */
export const withdraw = (key: { policyId: string; version: string }, act: Act, where: string) => (current: PolicyVersionRecord | undefined): VersionChange => {
  const v = expectState(current, ['draft', 'submitted'], 'withdrawn', key, where);
  if (act.by !== v.author && act.by !== v.submittedBy) {
    throw atStore(where, 'by', `\`${act.by}\` cannot withdraw ${ref(v.policyId, v.version)}: only its author or submitter can`, 'not-yours');
  }
  return change(current, { ...v, state: 'withdrawn', decidedBy: act.by, decidedAt: act.at }, act);
};

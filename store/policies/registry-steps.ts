// The registry's operations as book steps (reads and writes yielded to a backend), so the
// synchronous and the asynchronous book share them. Anything that settles (the impact) runs
// before the change's transaction opens; the change is decided again inside it.
import { type DatasetInput, loadPolicy, type Period, RatecardError, type SourceText } from '../../engine/index.js';
import type { BookSteps } from '../backend.js';
import { periodAt, requireMonth } from '../periods.js';
import { REQUIRE_APPROVAL } from './backend.js';
import { inForce } from './in-force.js';
import { measureImpact } from './impact.js';
import { type Act, decide, draft, type DraftText, requireText, submit, withdraw } from './lifecycle.js';
import { atKey, atStore } from './located.js';
import { type ApprovalGate, type MeasuredImpact, POLICY_STATES, type PolicyState, type PolicyTransition, type PolicyVersionRecord, type StoreSetting, type VersionChange, type VersionFilter } from './types.js';

export interface SubmitRequest {
  source: SourceText;
  by: string;
  why: string;
  /** The first month the version is in force; defaults to the policy's `effective.from`. */
  from?: Period;
  /** The dataset the impact is measured on (settled by the engine)... */
  dataset?: DatasetInput;
  /** ...or the impact as the submitter measured it elsewhere. */
  impact?: Omit<MeasuredImpact, 'measuredBy'>;
}

export interface Decision { by: string; why: string }

export interface VersionHistory { version: PolicyVersionRecord; transitions: PolicyTransition[] }

function* changeSteps(policyId: string, version: string, decideIt: (current: PolicyVersionRecord | undefined) => VersionChange): BookSteps<PolicyVersionRecord> {
  return (yield (b) => b.policies.change(policyId, version, decideIt)) as PolicyVersionRecord;
}

/** The policy's text checked and its effective month settled: `from` if given (it must agree with the file's `effective.from`). */
function textOf(source: SourceText, from: Period | undefined) {
  const loaded = loadPolicy(source);
  if (!loaded.ok) throw new RatecardError(loaded.diagnostics);
  const { policy } = loaded;
  const own = policy.plan.effective.from === undefined ? null : periodAt(policy.plan.effective.from);
  if (from !== undefined) requireMonth(from, 'from');
  if (from !== undefined && own !== null && own !== from) {
    throw new RatecardError([atKey(source, 'effective', 'effective.from', `the file comes into force in ${own} but the submission says \`${from}\`: give one effective month`, 'effective')]);
  }
  const text: DraftText = { policyId: policy.id, version: policy.version, file: source.file, source: source.text, sourceHash: policy.sourceHash, effectiveFrom: from ?? own };
  return { policy, text };
}

/** Registers a draft (or replaces a draft's text). */
export function* draftSteps(source: SourceText, from: Period | undefined, act: Act, where: string): BookSteps<PolicyVersionRecord> {
  requireText(act.by, 'by', 'who writes the draft', where);
  const { text } = textOf(source, from);
  return yield* changeSteps(text.policyId, text.version, draft(text, act, where));
}

/** Submits a version for approval with its impact measured: registered as a draft first when new or changed. */
export function* submitSteps(request: SubmitRequest, at: string, where: string): BookSteps<PolicyVersionRecord> {
  const act: Act = { by: request.by, why: request.why, at };
  requireText(act.by, 'by', 'who submits', where);
  requireText(act.why, 'why', 'why it is submitted', where);
  const { policy, text } = textOf(request.source, request.from);
  const current = (yield (b) => b.policies.version(text.policyId, text.version)) as PolicyVersionRecord | undefined;
  if (current && current.state !== 'draft') yield* changeSteps(text.policyId, text.version, draft(text, act, where)); // refused, located
  let impact: MeasuredImpact;
  if (request.dataset) {
    const gate = (yield (b) => b.policies.gate(policy.id)) as ApprovalGate;
    // compared with the approved version in force when it comes into force (without an effective month: the latest)
    const against = inForce(gate.approved, text.effectiveFrom ?? '9999-12');
    const stored = against && ((yield (b) => b.policies.version(policy.id, against.version)) as PolicyVersionRecord);
    const before = stored ? loadPolicy({ file: stored.file, text: stored.source }) : undefined;
    impact = measureImpact(policy, before?.ok ? { policy: before.policy, version: stored!.version } : undefined, request.dataset, text.effectiveFrom);
  } else if (request.impact) {
    impact = { ...request.impact, measuredBy: 'caller' };
  } else {
    throw atStore(where, 'data', 'a submission needs its impact measured: give the dataset to settle it over', 'no-impact');
  }
  if (!current || current.sourceHash !== text.sourceHash || current.effectiveFrom !== text.effectiveFrom) {
    yield* changeSteps(text.policyId, text.version, draft(text, { ...act, why: current ? 'text changed before submission' : act.why }, where));
  }
  return yield* changeSteps(text.policyId, text.version, submit(text, impact, act, where));
}

export function* decideSteps(policyId: string, version: string, to: 'approved' | 'rejected' | 'withdrawn', decision: Decision, at: string, where: string): BookSteps<PolicyVersionRecord> {
  const act: Act = { ...decision, at };
  requireText(act.by, 'by', `who ${to === 'withdrawn' ? 'withdraws' : to === 'approved' ? 'approves' : 'rejects'}`, where);
  requireText(act.why, 'why', 'a reason', where);
  const key = { policyId, version };
  return yield* changeSteps(policyId, version, to === 'withdrawn' ? withdraw(key, act, where) : decide(key, to, act, where));
}

export function* showSteps(policyId: string, version: string, where: string): BookSteps<VersionHistory> {
  const record = (yield (b) => b.policies.version(policyId, version)) as PolicyVersionRecord | undefined;
  if (!record) throw atStore(where, 'version', `no version \`${policyId}@${version}\` in the policy registry`, 'unknown-version');
  return { version: record, transitions: (yield (b) => b.policies.transitions(policyId, version)) as PolicyTransition[] };
}

export function* listSteps(filter: VersionFilter): BookSteps<PolicyVersionRecord[]> {
  return (yield (b) => b.policies.versions(filter)) as PolicyVersionRecord[];
}

export function* gateSteps(policyId: string): BookSteps<ApprovalGate> {
  return (yield (b) => b.policies.gate(policyId)) as ApprovalGate;
}

/** From now on every policy posts only approved versions (once set, never unset). */
export function* requireApprovalSteps(by: string, at: string, where: string): BookSteps<StoreSetting> {
  requireText(by, 'by', 'who requires approval', where);
  const existing = (yield (b) => b.policies.setting(REQUIRE_APPROVAL)) as StoreSetting | undefined;
  if (existing) return existing;
  const setting: StoreSetting = { key: REQUIRE_APPROVAL, value: 'on', setBy: by, setAt: at };
  yield (b) => b.policies.setSetting(setting);
  return setting;
}

export const isState = (s: string): s is PolicyState => (POLICY_STATES as readonly string[]).includes(s);

// Which approved version is in force in a month (生效账期), and the check that refuses to post a
// policy text that is not the approved version in force for every month of a run's range.
import { type CompiledPolicy, errorAt, type Period, RatecardError } from '../../engine/index.js';
import { atKey, ref } from './located.js';
import type { ApprovalGate, ApprovedVersion } from './types.js';

/** The approved version in force in `period`: the latest effective month not after it; of two from the same month, the later approval. */
export function inForce(approved: readonly ApprovedVersion[], period: Period): ApprovedVersion | undefined {
  let best: ApprovedVersion | undefined;
  for (const v of approved) {
    if (v.effectiveFrom !== null && v.effectiveFrom > period) continue;
    const [a, b] = [v.effectiveFrom ?? '', best?.effectiveFrom ?? ''];
    if (!best || a > b || (a === b && v.approvedSeq > best.approvedSeq)) best = v;
  }
  return best;
}

/** The months of a range grouped by the approved version in force, in order; a month with none is `version: undefined`. */
export function spansOf(approved: readonly ApprovedVersion[], periods: readonly Period[]): { version: ApprovedVersion | undefined; from: Period; to: Period }[] {
  const spans: { version: ApprovedVersion | undefined; from: Period; to: Period }[] = [];
  for (const period of periods) {
    const version = inForce(approved, period);
    const last = spans[spans.length - 1];
    if (last && last.version === version) last.to = period;
    else spans.push({ version, from: period, to: period });
  }
  return spans;
}

const why = (gate: ApprovalGate, policyId: string) => gate.reason === 'store'
  ? 'the store requires approval for every policy'
  : `\`${policyId}\` has versions in the policy registry`;

/**
 * Refuses a run of `policy` over `periods` once approval is required for it, unless its text is
 * the approved version in force in every month and no parameter overrides change it.
 */
export function refuseUnapproved(gate: ApprovalGate, policy: CompiledPolicy, periods: readonly Period[]): void {
  if (!gate.required) return;
  const { id } = policy;
  if (policy.overrides) {
    throw new RatecardError([errorAt({ file: policy.overrides.file, line: 1, column: 1 }, 'overrides',
      `parameter overrides cannot post once approval is required (${why(gate, id)}): approve the changed values as a new version of \`${id}\``, 'not-approved')]);
  }
  const mine = gate.approved.filter((v) => v.sourceHash === policy.sourceHash);
  if (!mine.length) {
    throw new RatecardError([atKey(policy.source, 'version', 'version',
      `this text of ${ref(id, policy.version)} is not an approved version, and only approved versions post (${why(gate, id)}): submit it with \`ratecard policy submit\` and have someone else approve it`, 'not-approved')]);
  }
  for (const period of periods) {
    const current = inForce(gate.approved, period);
    if (current && mine.includes(current)) continue;
    throw new RatecardError([atKey(policy.source, 'version', 'version', current
      ? `${ref(id, mine[0].version)} is approved but not in force in ${period}: ${ref(id, current.version)} is (from ${current.effectiveFrom ?? 'the start'}); post the range with the registry's versions (\`--policy-id ${id}\`)`
      : `${ref(id, mine[0].version)} is approved but not in force in ${period}: it comes into force in ${mine[0].effectiveFrom}`, 'not-approved')]);
  }
}

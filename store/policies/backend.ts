// What a backend does for the policy registry, in both flavours (answered now or later): reads,
// and one write — a version's change of state with its transition, in one transaction under the
// policy's lock, decided on the version as it stands inside that transaction.
import type { ApprovalGate, PolicyTransition, PolicyVersionRecord, StoreSetting, VersionChange, VersionFilter } from './types.js';

/** `T` now or later, as `Answer` of ../backend.ts (repeated here: that file depends on this one). */
type Answer<T, Later extends boolean> = Later extends true ? Promise<T> : T;

export interface PolicyBackend<Later extends boolean> {
  /** Versions in the order they were registered (policy, then creation). */
  versions(filter?: VersionFilter): Answer<PolicyVersionRecord[], Later>;
  version(policyId: string, version: string): Answer<PolicyVersionRecord | undefined, Later>;
  transitions(policyId: string, version: string): Answer<PolicyTransition[], Later>;
  gate(policyId: string): Answer<ApprovalGate, Later>;
  /**
   * In one transaction under the policy's lock: reads the version, asks `decide` what it becomes
   * (it throws to refuse), and writes it with its transition.
   */
  change(policyId: string, version: string, decide: (current: PolicyVersionRecord | undefined) => VersionChange): Answer<PolicyVersionRecord, Later>;
  setting(key: string): Answer<StoreSetting | undefined, Later>;
  /** Sets a setting once; a second set of the same key is refused by the database. */
  setSetting(setting: StoreSetting): Answer<void, Later>;
}

export const REQUIRE_APPROVAL = 'require-approval';

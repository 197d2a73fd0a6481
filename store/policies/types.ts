// The policy registry's data: versions of a policy with their source text, the approval state
// machine (draft → submitted → approved | rejected, or withdrawn), every transition with who,
// when and why, and the impact measured at submission. Depends on the engine only.
import type { Period, Totals } from '../../engine/index.js';

export const POLICY_STATES = ['draft', 'submitted', 'approved', 'rejected', 'withdrawn'] as const;
export type PolicyState = (typeof POLICY_STATES)[number];

/** A payee whose total changes with the submitted version. */
export interface PayeeChange { payeeId: string; before: string; after: string; delta: string }

/** What a submitted version changes, settled by the engine over a dataset: totals by kind and the largest per-payee changes. */
export interface MeasuredImpact {
  /** `engine`: settled over the dataset given at submission; `caller`: given by the submitter as measured elsewhere. */
  measuredBy: 'engine' | 'caller';
  /** The version it is compared with (the approved version in force at its effective month), or null when none is approved. */
  against: string | null;
  from: Period;
  to: Period;
  /** sha256 of the dataset's tables (engine-measured only). */
  factsHash?: string;
  before: Totals;
  after: Totals;
  delta: Totals;
  /** How many payees are paid a different total. */
  payeesChanged: number;
  /** The largest changes by size, at most 10. */
  largest: PayeeChange[];
}

/** One version of a policy in the registry. */
export interface PolicyVersionRecord {
  policyId: string;
  version: string;
  /** The file name it was submitted as (shown in messages about its text). */
  file: string;
  source: string;
  /** sha256 of the source text (the engine's `CompiledPolicy.sourceHash`): runs with this text are runs of this version. */
  sourceHash: string;
  /** The first month it is in force (生效账期); null: from the beginning. */
  effectiveFrom: Period | null;
  author: string;
  createdAt: string;
  state: PolicyState;
  submittedBy: string | null;
  submittedAt: string | null;
  impact: MeasuredImpact | null;
  /** Who approved, rejected or withdrew it. */
  decidedBy: string | null;
  decidedAt: string | null;
}

/** A change of state, as recorded. */
export interface PolicyTransition {
  seq: number;
  policyId: string;
  version: string;
  /** null for the version's creation as a draft. */
  from: PolicyState | null;
  to: PolicyState;
  by: string;
  at: string;
  why: string;
  /** The impact measured, on submission. */
  impact: MeasuredImpact | null;
}

/** A change the registry makes in one transaction: the version as it becomes, and the transition recorded. */
export interface VersionChange {
  record: PolicyVersionRecord;
  transition: Omit<PolicyTransition, 'seq'>;
}

/** An approved version as posting needs it. */
export interface ApprovedVersion {
  version: string;
  sourceHash: string;
  effectiveFrom: Period | null;
  /** The approval's transition number: of two approved versions in force from the same month, the later approval wins. */
  approvedSeq: number;
}

/** Whether runs of a policy must be approved versions, and the approved ones. */
export interface ApprovalGate {
  required: boolean;
  /** Why it is required: the policy has registered versions, or the store requires approval for every policy. */
  reason: 'registered' | 'store' | null;
  approved: ApprovedVersion[];
}

export interface VersionFilter {
  policyId?: string;
  state?: PolicyState;
}

/** A store-wide setting, once set never changed (`require-approval`). */
export interface StoreSetting { key: string; value: string; setBy: string; setAt: string }

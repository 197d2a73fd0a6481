// The policy registry of a settlement store (`book.policies`): versions of each policy with their
// text, the approval process and its recorded transitions, in the same database as the book, now
// (synchronous SQLite) or later (SQLite or PostgreSQL).
import type { Answer, BookSteps } from '../backend.js';
import { decideSteps, type Decision, draftSteps, gateSteps, listSteps, requireApprovalSteps, showSteps, type SubmitRequest, submitSteps, type VersionHistory } from './registry-steps.js';
import type { Period, SourceText } from '../../engine/index.js';
import type { ApprovalGate, PolicyVersionRecord, StoreSetting, VersionFilter } from './types.js';

export class PolicyRegistry<Later extends boolean> {
  constructor(
    private readonly exec: <T>(steps: BookSteps<T>) => Answer<T, Later>,
    private readonly where: string,
    private readonly now: () => string,
  ) {}

  /** Registers a draft, or replaces a draft's text; `by` is its author. */
  draft(source: SourceText, act: Decision & { from?: Period }): Answer<PolicyVersionRecord, Later> {
    return this.exec(draftSteps(source, act.from, { by: act.by, why: act.why, at: this.now() }, this.where));
  }

  /** Submits a version (registered as a draft first when new), its impact measured on the dataset given. */
  submit(request: SubmitRequest): Answer<PolicyVersionRecord, Later> {
    return this.exec(submitSteps(request, this.now(), this.where));
  }

  /** Approves a submitted version: someone who neither wrote nor submitted it. */
  approve(policyId: string, version: string, decision: Decision): Answer<PolicyVersionRecord, Later> {
    return this.exec(decideSteps(policyId, version, 'approved', decision, this.now(), this.where));
  }

  reject(policyId: string, version: string, decision: Decision): Answer<PolicyVersionRecord, Later> {
    return this.exec(decideSteps(policyId, version, 'rejected', decision, this.now(), this.where));
  }

  /** Withdraws a draft or a submission: its author or submitter. */
  withdraw(policyId: string, version: string, decision: Decision): Answer<PolicyVersionRecord, Later> {
    return this.exec(decideSteps(policyId, version, 'withdrawn', decision, this.now(), this.where));
  }

  /** Versions (the queue: `{ state: 'submitted' }`), by policy then registration. */
  list(filter: VersionFilter = {}): Answer<PolicyVersionRecord[], Later> {
    return this.exec(listSteps(filter));
  }

  /** A version with every transition it went through. */
  show(policyId: string, version: string): Answer<VersionHistory, Later> {
    return this.exec(showSteps(policyId, version, this.where));
  }

  /** Whether runs of the policy must be approved versions, and the approved ones. */
  gate(policyId: string): Answer<ApprovalGate, Later> {
    return this.exec(gateSteps(policyId));
  }

  /** From now on every policy of the store posts only approved versions; never unset. */
  requireApproval(by: string): Answer<StoreSetting, Later> {
    return this.exec(requireApprovalSteps(by, this.now(), this.where));
  }
}

// The book's operations, each written once as steps (reads and writes yielded to a backend), so
// the synchronous SQLite book and the asynchronous book (SQLite or PostgreSQL) share them.
import type { Period } from '../engine/index.js';
import type { BookSteps } from './backend.js';
import { closeSteps } from './close-period.js';
import { periodsBetween, requireMonth } from './periods.js';
import { refuseUnapproved } from './policies/in-force.js';
import type { ApprovalGate } from './policies/types.js';
import { PLAN_ATTEMPTS, runInputOf, runSteps, stillChanging, strip } from './post-run.js';
import type { BookOptions, ClosedPeriod, PostedLine, RunRecord, RunRequest, RunResult, SealedClose, StatementQuery, StoredLine } from './types.js';

/** Settles before any write, then posts under the policy's lock; planned again when the policy changed meanwhile. */
export function* runBook(request: RunRequest, options: BookOptions, where: string): BookSteps<RunResult> {
  const input = runInputOf(request);
  const periods = periodsBetween(requireMonth(input.from, 'from'), requireMonth(input.to, 'to'));
  // only approved versions post, once approval is required for the policy (store/policies):
  // refused before settling, and checked again after the plan's stamp was read, so a decision
  // made while settling changes the stamp and the run is planned again on what stands then
  function* approved(): BookSteps<void> {
    refuseUnapproved((yield (b) => b.policies.gate(input.policy.id)) as ApprovalGate, input.policy, periods);
  }
  yield* approved();
  for (let attempt = 0; attempt < PLAN_ATTEMPTS; attempt++) {
    const planned = yield* runSteps(input, options, where);
    yield* approved();
    const run = (yield (b) => b.post(planned.posting)) as RunRecord | undefined;
    if (run) return planned.resultOf(run);
  }
  throw stillChanging(where, input.policy.id);
}

/** Closes and seals a period; returns the sealed close. */
export function* closeBook(close: ClosedPeriod, where: string): BookSteps<SealedClose> {
  return (yield (b) => b.close(close.policyId, closeSteps(close, where))) as SealedClose;
}

export function* closedPeriodsBook(policyId: string): BookSteps<Period[]> {
  return ((yield (b) => b.closedPeriods(policyId)) as ClosedPeriod[]).map((c) => c.period);
}

export function* statementBook(query: StatementQuery): BookSteps<PostedLine[]> {
  if (query.from !== undefined) requireMonth(query.from, 'from');
  if (query.to !== undefined) requireMonth(query.to, 'to');
  return ((yield (b) => b.lines(query)) as StoredLine[]).map(strip);
}

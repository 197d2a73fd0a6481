// A range posted with the registry's approved versions: each month under the version in force
// then, one run per span of months under one version, in order, so each span reads what the
// spans before it posted as its history (as `settleVersions` settles them) and each run records
// the version that paid its lines.
import type { DatasetInput, Period } from '../../engine/index.js';
import type { BookSteps } from '../backend.js';
import { runBook } from '../book-steps.js';
import { periodsBetween, requireMonth } from '../periods.js';
import type { BookOptions, RunResult } from '../types.js';
import { spansOf } from './in-force.js';
import { atStore } from './located.js';
import type { ApprovalGate, PolicyVersionRecord } from './types.js';

export interface ApprovedRunRequest {
  policyId: string;
  dataset: DatasetInput;
  from: Period;
  to: Period;
  startedBy: string;
}

export function* runApprovedBook(request: ApprovedRunRequest, options: BookOptions, where: string): BookSteps<RunResult[]> {
  const periods = periodsBetween(requireMonth(request.from, 'from'), requireMonth(request.to, 'to'));
  const gate = (yield (b) => b.policies.gate(request.policyId)) as ApprovalGate;
  if (!gate.approved.length) throw atStore(where, 'policy-id', `no approved version of \`${request.policyId}\` in the policy registry: nothing can post`, 'not-approved');
  const spans = spansOf(gate.approved, periods);
  const uncovered = spans.find((s) => !s.version);
  if (uncovered) {
    const first = spans.find((s) => s.version)!;
    throw atStore(where, 'from', `no approved version of \`${request.policyId}\` is in force in ${uncovered.from}: the first comes into force in ${first.from}`, 'not-approved');
  }
  const results: RunResult[] = [];
  for (const span of spans) {
    const stored = (yield (b) => b.policies.version(request.policyId, span.version!.version)) as PolicyVersionRecord;
    results.push(yield* runBook({
      policy: { file: stored.file, text: stored.source }, dataset: request.dataset, from: span.from, to: span.to, startedBy: request.startedBy,
    }, options, where));
  }
  return results;
}

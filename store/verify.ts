// `verify`: the chain of seals recomputed from what the store holds now. The first closed period
// whose lines, sealed runs or close no longer give its seal is named, located at the store; what
// the database could not refuse (a dropped trigger, an edited file) shows up here.
import { errorAt, type Period } from '../engine/index.js';
import type { Steps } from './backend.js';
import { sealClose } from './seal.js';
import type { SealedClose, SealedLine, SealedRun, VerifyResult } from './types.js';

function mismatch(stored: SealedClose, again: SealedClose, lines: number): string | undefined {
  const at = `period \`${stored.period}\` of \`${stored.policyId}\` no longer matches its seal`;
  if (again.previous !== stored.previous) return `${at}: the close before it was removed or changed`;
  if (again.linesDigest !== stored.linesDigest) {
    return `${at}: its lines were changed after it was closed (${stored.lineCount} lines sealed, ${lines} now)`;
  }
  if (again.runsDigest !== stored.runsDigest) return `${at}: runs recorded before its close were changed or deleted`;
  if (again.seal !== stored.seal) return `${at}: its close was changed`;
  return undefined;
}

/** Recomputes the seals of `policyId` (every policy with a close when absent), in period order. */
export function* verifySteps(where: string, policyId?: string): Steps<VerifyResult> {
  const policies = policyId === undefined ? ((yield (r) => r.closedPolicies()) as string[]) : [policyId];
  const heads: { policyId: string; period: Period; seal: string }[] = [];
  let verified = 0;
  for (const id of policies) {
    const closes = (yield (r) => r.closedPeriods(id)) as SealedClose[];
    let previous: SealedClose | undefined;
    for (const close of closes) {
      const lines = (yield (r) => r.sealedLines(id, close.period)) as SealedLine[];
      const runs = (yield (r) => r.sealedRuns(id, previous?.runsThrough ?? 0, close.runsThrough)) as SealedRun[];
      const problem = mismatch(close, sealClose(previous, close, lines, runs, close.runsThrough), lines.length);
      if (problem) return { ok: false, verified, heads, problem: errorAt({ file: where, line: 1, column: 1 }, 'period', problem, 'tampered') };
      verified++;
      previous = close;
    }
    if (previous) heads.push({ policyId: id, period: previous.period, seal: previous.seal });
  }
  return { ok: true, verified, heads };
}

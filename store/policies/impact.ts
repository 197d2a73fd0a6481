// The impact of a submitted version, measured by the engine: the version and the approved one in
// force at its effective month settled over the same dataset, from that month to the dataset's
// last, compared in total, by kind and by payee (the largest changes kept).
import { type CompiledPolicy, compareStatements, Exact, type Period, readDataset, RatecardError, settle, type Statement, totalsOf, type DatasetInput } from '../../engine/index.js';
import { factsHash } from '../facts-hash.js';
import type { MeasuredImpact } from './types.js';

/** How many per-payee changes an impact keeps. */
export const LARGEST = 10;

function settled(policy: CompiledPolicy, input: DatasetInput, from: Period | undefined, to?: Period): Statement {
  const data = readDataset(input, policy);
  if (!data.ok) throw new RatecardError(data.diagnostics);
  return settle(policy, data.dataset, { from, to });
}

/** Settles `after` (from `from`, else the dataset's first month) and `before` (when one is approved) over `input` and compares them. */
export function measureImpact(after: CompiledPolicy, before: { policy: CompiledPolicy; version: string } | undefined, input: DatasetInput, from: Period | null): MeasuredImpact {
  const next = settled(after, input, from ?? undefined);
  const previous: Statement = before
    ? settled(before.policy, input, next.from, next.to)
    : { policy: { id: after.id, version: '', hash: '' }, from: next.from, to: next.to, lines: [], withheld: [], totals: totalsOf([]) };
  const impact = compareStatements(previous, next, LARGEST);
  const changed = impact.payees.filter((p) => !Exact.parse(p.delta).isZero());
  const size = (delta: string) => Exact.parse(delta).abs();
  const largest = [...changed].sort((a, b) => size(b.delta).cmp(size(a.delta)) || (a.payeeId < b.payeeId ? -1 : 1)).slice(0, LARGEST);
  return {
    measuredBy: 'engine', against: before?.version ?? null, from: next.from, to: next.to, factsHash: factsHash(input),
    before: impact.before, after: impact.after, delta: impact.delta, payeesChanged: changed.length, largest,
  };
}

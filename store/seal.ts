// The seal of a closed period: sha256 of its lines (every column, by line id) and of the runs
// recorded since the previous close, chained through the previous close's seal. Recomputing the
// chain finds a period whose lines, runs or close were changed after it was sealed.
// sha256 from node:crypto (OpenSSL): eight times faster than a JavaScript one on the tens of MB
// of traces a province's month has.
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import type { ClosedPeriod, SealedClose, SealedLine, SealedRun } from './types.js';

const digest = (text: string) => createHash('sha256').update(text).digest('hex');
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Each line: its columns but the trace as canonical JSON, then the trace's text with its length. */
export function linesDigest(lines: SealedLine[]): string {
  const hash = createHash('sha256');
  for (const { trace, ...columns } of [...lines].sort((a, b) => byCodeUnits(a.id, b.id))) {
    hash.update(canonicalJson(columns)).update(`\n${trace.length}:`).update(trace).update('\n');
  }
  return hash.digest('hex');
}

export const runsDigest = (runs: SealedRun[]): string =>
  digest([...runs].sort((a, b) => a.seq - b.seq).map((r) => canonicalJson(r) + '\n').join(''));

/** The seal of `close` over its period's `lines` and the `runs` after the previous close up to `runsThrough`. */
export function sealClose(previous: SealedClose | undefined, close: ClosedPeriod, lines: SealedLine[], runs: SealedRun[], runsThrough: number): SealedClose {
  const { policyId, period, closedBy, closedAt } = close;
  const parts = { policyId, period, closedBy, closedAt, runsThrough, lineCount: lines.length, linesDigest: linesDigest(lines), runsDigest: runsDigest(runs), previous: previous?.seal ?? '' };
  return { ...parts, seal: digest(canonicalJson(parts)) };
}

// The seal of a closed period: sha256 of its lines (every column, by line id) and of the runs
// recorded since the previous close, chained through the previous close's seal. Recomputing the
// chain finds a period whose lines, runs or close were changed after it was sealed.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonical-json.js';
import type { ClosedPeriod, SealedClose, SealedLine, SealedRun } from './types.js';

const digest = (text: string) => bytesToHex(sha256(utf8ToBytes(text)));
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const linesDigest = (lines: SealedLine[]): string =>
  digest([...lines].sort((a, b) => byCodeUnits(a.id, b.id)).map((l) => canonicalJson(l) + '\n').join(''));

export const runsDigest = (runs: SealedRun[]): string =>
  digest([...runs].sort((a, b) => a.seq - b.seq).map((r) => canonicalJson(r) + '\n').join(''));

/** The seal of `close` over its period's `lines` and the `runs` after the previous close up to `runsThrough`. */
export function sealClose(previous: SealedClose | undefined, close: ClosedPeriod, lines: SealedLine[], runs: SealedRun[], runsThrough: number): SealedClose {
  const { policyId, period, closedBy, closedAt } = close;
  const parts = { policyId, period, closedBy, closedAt, runsThrough, lineCount: lines.length, linesDigest: linesDigest(lines), runsDigest: runsDigest(runs), previous: previous?.seal ?? '' };
  return { ...parts, seal: digest(canonicalJson(parts)) };
}

// The guard on money before a save: the change's total and its largest per-payee changes, and
// whether the total change is above the confirmation threshold. Exact decimals throughout.
import { Exact, type PayeeImpact, type Totals } from '../../../engine/index.js';
import type { PreviewImpact } from '../worker/protocol.js';

export const DEFAULT_THRESHOLD = '10000';
export const LARGEST = 5;

/** What the save request carries, so the history can record the impact that was confirmed. */
export interface SaveImpact {
  before: Totals;
  after: Totals;
  delta: Totals;
  changedLines: number;
  /** The payees whose totals changed most (by absolute change), largest first. */
  largest: PayeeImpact[];
  /** Above this absolute total change (yuan) the person had to confirm. */
  threshold: string;
  /** True when the change was above the threshold and the person confirmed it. */
  confirmed: boolean;
  dataset?: string;
  from?: string;
  to?: string;
}

export function largestChanges(payees: PayeeImpact[], n = LARGEST): PayeeImpact[] {
  return payees
    .map((p) => ({ p, size: Exact.parse(p.delta).abs() }))
    .filter((x) => !x.size.isZero())
    .sort((a, b) => b.size.cmp(a.size) || (a.p.payeeId < b.p.payeeId ? -1 : 1))
    .slice(0, n)
    .map((x) => x.p);
}

/** True when the absolute total change is above `threshold` (an exact decimal, yuan). */
export function needsConfirmation(impact: PreviewImpact, threshold: string): boolean {
  const limit = Exact.tryParse(threshold);
  return !limit || Exact.parse(impact.delta.total).abs().gt(limit);
}

export function saveImpact(impact: PreviewImpact, threshold: string, where: { dataset?: string; from?: string; to?: string }): SaveImpact {
  return {
    before: impact.before,
    after: impact.after,
    delta: impact.delta,
    changedLines: impact.changedLines,
    largest: largestChanges(impact.payees),
    threshold,
    confirmed: needsConfirmation(impact, threshold),
    ...where,
  };
}

// Settles a dataset for the preview, amounts only, a slice of payees at a time, keeping each
// slice's lines as columns (rule-lines.ts) and dropping its line objects before the next: the
// memory of a run is its columns, not a statement of millions of objects. Population values
// (ranks, aggregates, allocations) are computed once over all payees first, as a run in parts does,
// unless the caller (settling a part of the payees) passes them in `options.ranks`.
import {
  type CompiledPolicy, type Dataset, populationOf, populationRoundsOf, RatecardError, settle, type SettleOptions,
} from '../../../engine/index.js';
import { type LineIndex, RunLinesBuilder, type RunLines } from './rule-lines.js';

export interface SettledLines { lines: RunLines; from: string; to: string }

/**
 * Payees settled at once: bounds the line objects alive at any time. Small enough that a slice's
 * objects die young (in the young generation, never copied into the old one), which keeps the
 * workers' heaps, and the page's memory, from growing with the garbage of a settle.
 */
export const SLICE = 250;

/** From this many payees, the preview settles in two halves (the second in a helper worker). */
export const HALVES_FROM = 4_000;

/**
 * The lines of the rules in `keep` (all the policy's rules when absent). A problem found in a
 * slice is reported as a settle of the whole dataset reports it (every payee it concerns).
 */
export function settleLines(policy: CompiledPolicy, dataset: Dataset, options: SettleOptions, index: LineIndex, keep?: ReadonlySet<string>): SettledLines {
  const builder = new RunLinesBuilder(index, policy.rules.filter((r) => !keep || keep.has(r.id)));
  // withheld items are only counted here: their reasons are never made (`lazyReasons`)
  const amounts: SettleOptions = { ...options, detail: 'amounts', lazyReasons: true };
  const payees = dataset.covered;
  if (payees.length <= SLICE) {
    const statement = settle(policy, dataset, amounts);
    builder.add(statement);
    return { lines: builder.done(), from: statement.from, to: statement.to };
  }
  try {
    const ranks = options.ranks ?? (populationRoundsOf(policy) ? populationOf(policy, dataset, options) : undefined);
    let from = '', to = '';
    for (let i = 0; i < payees.length; i += SLICE) {
      const statement = settle(policy, { ...dataset, covered: payees.slice(i, i + SLICE) }, { ...amounts, ...(ranks ? { ranks } : {}) });
      builder.add(statement);
      ({ from, to } = statement);
    }
    return { lines: builder.done(), from, to };
  } catch (e) {
    if (e instanceof RatecardError) settle(policy, dataset, amounts); // throws with every payee's problem
    throw e;
  }
}

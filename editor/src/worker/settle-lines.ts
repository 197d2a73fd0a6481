// Settles a dataset for the preview, amounts only, a slice of payees at a time, with the engine's
// lines as typed columns (`settleColumns`: no line object is made), each slice's kept per rule
// (rule-lines.ts): the memory of a run is its columns, not a statement of millions of objects. Population values
// (ranks, aggregates, allocations) are computed once over all payees first, as a run in parts does,
// unless the caller (settling a part of the payees) passes them in `options.ranks`.
import {
  type CompiledPolicy, type Dataset, populationOf, populationRoundsOf, RatecardError, settleColumns, type SettleOptions,
} from '../../../engine/index.js';
import type { RunLines, RunLinesBuilder } from './rule-lines.js';

export interface SettledLines { lines: RunLines; from: string; to: string }

/** The months a settle covered (its lines are in the builder it was given). */
export interface Span { from: string; to: string }

/**
 * Payees settled at once. Few: whatever a slice makes lives until the slice ends, and when V8
 * sees a site's objects outlive a scavenge it pretenures it, so every later settle allocates
 * them in the old generation, collected only by a full GC, which V8 puts off while the heap may
 * grow. Measured in Node on a `step_rate` edit of 20,000 payees (old space grown, CPU): with line
 * objects (`settle`), 250 payees 112 MB, 1 payee 2 MB; with columns (`settleColumns`), 250
 * payees 16 MB and 0.9 s, 25 payees 2 MB and 0.6 s, 1 payee 13 MB and 1.1 s (a settle's own cost).
 */
export const SLICE = 25;

/** From this many payees, the preview settles in two halves (the second in a helper worker). */
export const HALVES_FROM = 4_000;

/** A run given up between two slices because a newer edit arrived (never shown: its answer is stale). */
export class Superseded extends Error {}

type Settling = Generator<undefined, Span, undefined>;

/** The settle into `builder`, pausing after each slice (a generator), so a worker can answer its messages between slices. */
function* slices(policy: CompiledPolicy, dataset: Dataset, options: SettleOptions, builder: RunLinesBuilder): Settling {
  // lines and withheld items as columns (no objects); withheld items are only counted
  const payees = dataset.covered;
  if (payees.length <= SLICE) {
    const statement = settleColumns(policy, dataset, options);
    builder.add(statement);
    return { from: statement.from, to: statement.to };
  }
  try {
    const ranks = options.ranks ?? (populationRoundsOf(policy) ? populationOf(policy, dataset, options) : undefined);
    let from = '', to = '';
    for (let i = 0; i < payees.length; i += SLICE) {
      const statement = settleColumns(policy, { ...dataset, covered: payees.slice(i, i + SLICE) }, { ...options, ...(ranks ? { ranks } : {}) });
      builder.add(statement);
      ({ from, to } = statement);
      yield;
    }
    return { from, to };
  } catch (e) {
    if (e instanceof RatecardError) settleColumns(policy, dataset, options); // throws with every payee's problem
    throw e;
  }
}

/**
 * Settles into `builder` (which keeps the lines of the rules it was made for). A problem found in
 * a slice is reported as a settle of the whole dataset reports it (every payee it concerns).
 */
export function settleLines(policy: CompiledPolicy, dataset: Dataset, options: SettleOptions, builder: RunLinesBuilder): Span {
  const settling = slices(policy, dataset, options, builder);
  for (;;) {
    const step = settling.next();
    if (step.done) return step.value;
  }
}

/** Lets the worker's messages in (a message to itself: no 4 ms timer clamp), about every `EVERY_MS`. */
const EVERY_MS = 25;
function breath(): Promise<void> {
  const { port1, port2 } = new MessageChannel();
  return new Promise((resolve) => {
    port1.onmessage = () => { port1.close(); resolve(); };
    port2.postMessage(null);
  });
}

/** `settleLines`, letting messages in between slices and throwing `Superseded` as soon as `stale()` says a newer run waits. */
export async function settleLinesUntil(stale: () => boolean, policy: CompiledPolicy, dataset: Dataset, options: SettleOptions, builder: RunLinesBuilder): Promise<Span> {
  const settling = slices(policy, dataset, options, builder);
  for (let rested = -Infinity; ;) { // the first slice always lets messages in
    const step = settling.next();
    if (step.done) return step.value;
    if (performance.now() - rested < EVERY_MS) continue;
    await breath();
    if (stale()) throw new Superseded('a newer edit arrived');
    rested = performance.now();
  }
}

// Ratecard and the two hand-written private-line settlements (Exact and integer) on the same
// parsed data, side by side, chunk by chunk of branches (each chunk is its own population for
// the growth ranking, for all three alike), their lines compared to the cent.
import { type CompiledPolicy, type Dataset, readDataset, settle } from '../engine/index.js';
import type { BenchLine } from './bench-line.js';
import { bundledPolicy } from './bundled-policy.js';
import { add, type Clock, type Timed, timedOf, ZERO_CLOCK } from './clock.js';
import { takeTurns } from './take-turns.js';
import { handWrittenPrivateLine } from './hand-written-private-line.js';
import { integerPrivateLine, integerPrivateLineFallbacks } from './integer-private-line.js';
import { LINE_FACTS_HEADER, LINE_PAYEES_HEADER, LINE_TX_HEADER, privateLineRows } from './private-line-data.js';

export interface PrivateLineComparison {
  ratecard: Timed;
  /** Ratecard with the reference closures only (no generated code), amounts. */
  ratecardReference: Timed;
  handWritten: Timed;
  integer: Timed;
  transactions: number;
  linesCompared: number;
  /** Chunks the integer function handed to the Exact one (a value beyond exact JS integers). */
  integerFallbacks: number;
  disagreements: string[];
}

export const privateLinePolicy = (): CompiledPolicy => bundledPolicy('private-line');

export function privateLineDataset(policy: CompiledPolicy, rows: ReturnType<typeof privateLineRows>): Dataset {
  const table = (file: string, header: string, lines: string[]) => ({ file, text: [header, ...lines].join('\n') });
  const result = readDataset({
    payees: table('payees.csv', LINE_PAYEES_HEADER, rows.payees),
    facts: table('facts.csv', LINE_FACTS_HEADER, rows.facts),
    transactions: table('transactions.csv', LINE_TX_HEADER, rows.transactions),
  }, policy);
  if (!result.ok) throw new Error(`generated data does not read: ${result.diagnostics[0].message}`);
  return result.dataset;
}

const byHand = (f: (dataset: Dataset, out: BenchLine[]) => void, dataset: Dataset) => () => {
  const out: BenchLine[] = [];
  f(dataset, out);
  return out;
};

/** `branches` of a population of that many with `transactions` in all, `chunk` branches at a time. */
type Name = 'ratecard' | 'reference' | 'hand' | 'integer';

export function comparePrivateLine(o: { seed: number; branches: number; transactions: number; chunk?: number; rounds?: number }): PrivateLineComparison {
  const policy = privateLinePolicy();
  const chunk = o.chunk ?? 2_000;
  const total: Record<Name, Clock> = { ratecard: ZERO_CLOCK, reference: ZERO_CLOCK, hand: ZERO_CLOCK, integer: ZERO_CLOCK };
  const disagreements: string[] = [];
  let transactions = 0, compared = 0;
  const fallbacksBefore = integerPrivateLineFallbacks.datasets;
  // every implementation once on the first branches, untimed, so each is measured compiled by the JIT
  const warm = privateLineDataset(policy, privateLineRows(o.seed, 0, Math.min(200, o.branches), o.branches, o.transactions));
  settle(policy, warm, { detail: 'amounts' });
  settle(policy, warm, { detail: 'amounts', engine: 'reference' });
  handWrittenPrivateLine(warm, []);
  integerPrivateLine(warm, []);
  for (let from = 0; from < o.branches; from += chunk) {
    const rows = privateLineRows(o.seed, from, Math.min(o.branches, from + chunk), o.branches, o.transactions);
    const dataset = privateLineDataset(policy, rows);
    transactions += rows.transactions.length;
    // the statement's own lines (a superset of BenchLine): the integer function makes no copy either
    const turns = takeTurns<Name>([
      ['ratecard', () => settle(policy, dataset, { detail: 'amounts' }).lines],
      ['reference', () => settle(policy, dataset, { detail: 'amounts', engine: 'reference' }).lines],
      ['hand', byHand(handWrittenPrivateLine, dataset)],
      ['integer', byHand(integerPrivateLine, dataset)],
    ], o.rounds ?? 3);
    for (const [name, t] of turns.best) total[name] = add(total[name], t);
    disagreements.push(
      ...turns.differences('ratecard', 'reference', ['ratecard', 'ratecard reference closures']),
      ...turns.differences('ratecard', 'hand', ['ratecard', 'hand-written']),
      ...turns.differences('ratecard', 'integer', ['ratecard', 'integer']),
    );
    compared += turns.results.get('ratecard')!.count;
  }
  const months = o.branches * 12;
  return {
    ratecard: timedOf(months, total.ratecard), ratecardReference: timedOf(months, total.reference), handWritten: timedOf(months, total.hand), integer: timedOf(months, total.integer),
    transactions, linesCompared: compared, integerFallbacks: integerPrivateLineFallbacks.datasets - fallbacksBefore,
    disagreements: disagreements.slice(0, 20),
  };
}

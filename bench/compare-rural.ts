// Ratecard, the two hand-written functions (Exact and integer) and json-rules-engine on the
// same rural data, side by side: each is timed on the same parsed dataset (facts already
// exact), chunk by chunk, and their lines are compared to the cent — Ratecard and both
// hand-written functions on every payee, json-rules-engine on the sample it is run on.
import { type CompiledPolicy, type Dataset, type Exact, readDataset, settle, settleColumns, type SettleOptions } from '../engine/index.js';
import { BenchColumns } from './bench-columns.js';
import { type BenchLine, differencesOf, keyed } from './bench-line.js';
import { type RunOutput, takeTurns } from './take-turns.js';
import { bundledPolicy } from './bundled-policy.js';
import { add, type Clock, clock, collectGarbage, since, type Timed, timedOf, ZERO_CLOCK } from './clock.js';
import { handWrittenRural } from './hand-written-rural.js';
import { integerFallbacks, integerRural, RURAL_RULES } from './integer-rural.js';
import { jsonRulesEngineRural, ruralEngine } from './json-rules-engine-rural.js';
import { RURAL_FACTS_HEADER, RURAL_PAYEES_HEADER, RURAL_YEAR, ruralRows } from './rural-data.js';

export interface RuralComparison {
  ratecard: Timed;
  /** Ratecard with the reference closures only (no generated code), amounts. */
  ratecardReference: Timed;
  /** Ratecard, amounts, every withheld reason made at once (by default they are made when read, and none is here). */
  ratecardEager: Timed;
  ratecardExplained: Timed;
  /** Ratecard, amounts, its lines as typed columns (`settleColumns`). */
  ratecardColumns: Timed;
  /** The integer function writing the same columns. */
  integerColumns: Timed;
  handWritten: Timed;
  integer: Timed;
  jsonRulesEngine: Timed;
  /** Lines compared: all payees for Ratecard and hand-written, the sample for json-rules-engine. */
  linesCompared: { all: number; sample: number };
  /** Payees the integer function handed to the Exact one (a value beyond exact JS integers). */
  integerFallbacks: number;
  disagreements: string[];
}

export const ruralPolicy = (): CompiledPolicy => bundledPolicy('rural-contract');

export function ruralDataset(policy: CompiledPolicy, seed: number, from: number, to: number): Dataset {
  const rows = ruralRows(seed, from, to);
  const result = readDataset({
    payees: { file: 'payees.csv', text: [RURAL_PAYEES_HEADER, ...rows.payees].join('\n') },
    facts: { file: 'facts.csv', text: [RURAL_FACTS_HEADER, ...rows.facts].join('\n') },
  }, policy);
  if (!result.ok) throw new Error(`generated data does not read: ${result.diagnostics[0].message}`);
  return result.dataset;
}

/** A payee's 12 months of facts; the rural policy's facts are all numbers, so all exact. */
export const monthsOf = (dataset: Dataset, payeeId: string): Exact[][] => {
  const facts = dataset.facts.get(payeeId)!;
  return Array.from({ length: 12 }, (_, k) => facts.get(RURAL_YEAR * 12 + k)!.values as Exact[]);
};

/** The integer function over a dataset's payees, its lines as columns. */
function integerColumnsOf(dataset: Dataset): BenchColumns {
  const out = new BenchColumns(dataset.covered.map((p) => p.payeeId), RURAL_RULES.map((id) => ({ id })));
  dataset.covered.forEach((p, i) => integerRural(p.payeeId, RURAL_YEAR, monthsOf(dataset, p.payeeId), out, i));
  return out;
}

// the statement's own lines, compared as they are (a line has every field of a BenchLine): the
// hand-written functions make their line objects, Ratecard makes its own, neither is copied
type Name = 'ratecard' | 'reference' | 'eager' | 'explained' | 'hand' | 'integer' | 'jre' | 'columns' | 'integerColumns';

const ratecardLines = (policy: CompiledPolicy, dataset: Dataset, detail: SettleOptions['detail'], engine?: SettleOptions['engine'], lazyReasons?: boolean): readonly BenchLine[] =>
  detail === 'explanation' ? explainedLines(policy, dataset) : settle(policy, dataset, { detail, engine, lazyReasons }).lines;

/**
 * Ratecard with explanations, every line's explanation read once, as a statement written out
 * reads it: a line computed by generated code writes its sentence when read, so the run counts
 * only with every sentence made.
 */
export function explainedLines(policy: CompiledPolicy, dataset: Dataset): readonly BenchLine[] {
  const lines = settle(policy, dataset, { detail: 'explanation' }).lines;
  let chars = 0;
  for (let i = 0; i < lines.length; i++) chars += lines[i].explanation.length;
  if (chars < lines.length) throw new Error('a line without its explanation');
  return lines;
}

/**
 * `payees` through Ratecard (amounts only) and the hand-written function; the first `explained`
 * also through Ratecard with explanations, the first `sample` also through json-rules-engine.
 */
export async function compareRural(o: { seed: number; payees: number; explained: number; sample: number; chunk?: number; rounds?: number; onChunk?: (done: number) => void }): Promise<RuralComparison> {
  const policy = ruralPolicy();
  const chunk = o.chunk ?? 10_000;
  const engine = ruralEngine();
  const rounds = o.rounds ?? 3;
  const total: Record<Name, Clock> = { ratecard: ZERO_CLOCK, reference: ZERO_CLOCK, eager: ZERO_CLOCK, explained: ZERO_CLOCK, hand: ZERO_CLOCK, integer: ZERO_CLOCK, jre: ZERO_CLOCK, columns: ZERO_CLOCK, integerColumns: ZERO_CLOCK };
  const fallbacksBefore = integerFallbacks.payees;
  const disagreements: string[] = [];
  const compared = { all: 0, sample: 0 };
  let explainedPayees = 0;
  // every implementation once on the first payees, untimed, so each is measured compiled by the JIT
  const warm = ruralDataset(policy, o.seed, 0, Math.min(500, o.payees));
  ratecardLines(policy, warm, 'amounts');
  ratecardLines(policy, warm, 'amounts', 'reference');
  ratecardLines(policy, warm, 'amounts', undefined, false);
  ratecardLines(policy, warm, 'explanation');
  settleColumns(policy, warm);
  integerColumnsOf(warm);
  for (const f of [handWrittenRural, integerRural]) for (const p of warm.covered) f(p.payeeId, RURAL_YEAR, monthsOf(warm, p.payeeId), []);
  for (const p of warm.covered.slice(0, Math.min(50, o.sample))) await jsonRulesEngineRural(engine, p.payeeId, RURAL_YEAR, monthsOf(warm, p.payeeId), []);
  for (let from = 0; from < o.payees; from += chunk) {
    const to = Math.min(o.payees, from + chunk);
    const dataset = ruralDataset(policy, o.seed, from, to);
    const byHand = (f: typeof handWrittenRural) => () => {
      const out: BenchLine[] = [];
      for (const p of dataset.covered) f(p.payeeId, RURAL_YEAR, monthsOf(dataset, p.payeeId), out);
      return out;
    };
    const runs: [Name, () => RunOutput][] = [
      ['ratecard', () => ratecardLines(policy, dataset, 'amounts')],
      ['reference', () => ratecardLines(policy, dataset, 'amounts', 'reference')],
      ['eager', () => ratecardLines(policy, dataset, 'amounts', undefined, false)],
      ...(from < o.explained ? [['explained', () => ratecardLines(policy, dataset, 'explanation')] as [Name, () => readonly BenchLine[]]] : []),
      ['hand', byHand(handWrittenRural)],
      ['integer', byHand(integerRural)],
      ['columns', () => settleColumns(policy, dataset)],
      ['integerColumns', () => integerColumnsOf(dataset)],
    ];
    const turns = takeTurns(runs, rounds);
    for (const [name, t] of turns.best) total[name] = add(total[name], t);
    if (from < o.explained) explainedPayees += to - from;
    disagreements.push(
      ...turns.differences('ratecard', 'reference', ['ratecard', 'ratecard reference closures']),
      ...turns.differences('ratecard', 'eager', ['ratecard', 'ratecard with reasons made at once']),
      ...(turns.results.has('explained') ? turns.differences('ratecard', 'explained', ['ratecard', 'ratecard with explanations']) : []),
      ...turns.differences('ratecard', 'hand', ['ratecard', 'hand-written']),
      ...turns.differences('ratecard', 'integer', ['ratecard', 'integer']),
      ...turns.differences('hand', 'integer', ['hand-written', 'integer']),
      ...turns.differences('ratecard', 'columns', ['ratecard', 'ratecard as columns']),
      ...turns.differences('integer', 'integerColumns', ['integer', 'integer as columns']),
    );
    compared.all += turns.results.get('ratecard')!.count;
    if (from < o.sample) {
      const sample = dataset.covered.slice(0, o.sample - from);
      const ids = new Set(sample.map((p) => p.payeeId));
      // json-rules-engine is async: timed here the same way, its fastest of `rounds`
      let jre: BenchLine[] = [];
      let fastest: Clock | undefined;
      for (let round = 0; round < rounds; round++) {
        const out: BenchLine[] = [];
        collectGarbage();
        const t = clock();
        for (const p of sample) await jsonRulesEngineRural(engine, p.payeeId, RURAL_YEAR, monthsOf(dataset, p.payeeId) as Exact[][], out);
        const took = since(t);
        if (!fastest || took.cpu < fastest.cpu) fastest = took;
        if (round === 0) jre = out;
      }
      total.jre = add(total.jre, fastest!);
      const inSample = (run: Name) => keyed(turns.again(run).filter((l) => ids.has(l.payeeId)));
      const oursSample = inSample('ratecard');
      disagreements.push(...differencesOf(oursSample, keyed(jre), ['ratecard', 'json-rules-engine']), ...differencesOf(inSample('hand'), keyed(jre), ['hand-written', 'json-rules-engine']));
      compared.sample += oursSample.amounts.size;
    }
    o.onChunk?.(to);
  }
  const months = o.payees * 12;
  return {
    ratecard: timedOf(months, total.ratecard),
    ratecardReference: timedOf(months, total.reference),
    ratecardEager: timedOf(months, total.eager),
    ratecardExplained: timedOf(explainedPayees * 12, total.explained),
    ratecardColumns: timedOf(months, total.columns),
    integerColumns: timedOf(months, total.integerColumns),
    handWritten: timedOf(months, total.hand),
    integer: timedOf(months, total.integer),
    jsonRulesEngine: timedOf(Math.min(o.sample, o.payees) * 12, total.jre),
    linesCompared: compared,
    integerFallbacks: integerFallbacks.payees - fallbacksBefore,
    disagreements: disagreements.slice(0, 20),
  };
}

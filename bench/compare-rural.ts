// Ratecard, the hand-written function and json-rules-engine on the same rural data, side by
// side: each is timed on the same parsed dataset (facts already exact), chunk by chunk, and
// their lines are compared to the cent — Ratecard and hand-written on every payee,
// json-rules-engine on the sample it is run on.
import { readFileSync } from 'node:fs';
import { type CompiledPolicy, type Dataset, type Exact, loadPolicy, readDataset, settle, type SettleOptions } from '../engine/index.js';
import { type BenchLine, differences } from './bench-line.js';
import { handWrittenRural } from './hand-written-rural.js';
import { jsonRulesEngineRural, ruralEngine } from './json-rules-engine-rural.js';
import { RURAL_FACTS_HEADER, RURAL_PAYEES_HEADER, RURAL_YEAR, ruralRows } from './rural-data.js';

/** Wall time, and CPU time of this process (robust when other work shares the machine). */
export interface Timed { payeeMonths: number; seconds: number; cpuSeconds: number }
export interface RuralComparison {
  ratecard: Timed;
  ratecardExplained: Timed;
  handWritten: Timed;
  jsonRulesEngine: Timed;
  /** Lines compared: all payees for Ratecard and hand-written, the sample for json-rules-engine. */
  linesCompared: { all: number; sample: number };
  disagreements: string[];
}

export function ruralPolicy(): CompiledPolicy {
  const file = 'policies/rural-contract.yaml';
  const loaded = loadPolicy({ file, text: readFileSync(file, 'utf8') });
  if (!loaded.ok) throw new Error(`${file} does not load`);
  return loaded.policy;
}

export function ruralDataset(policy: CompiledPolicy, seed: number, from: number, to: number): Dataset {
  const rows = ruralRows(seed, from, to);
  const result = readDataset({
    payees: { file: 'payees.csv', text: [RURAL_PAYEES_HEADER, ...rows.payees].join('\n') },
    facts: { file: 'facts.csv', text: [RURAL_FACTS_HEADER, ...rows.facts].join('\n') },
  }, policy);
  if (!result.ok) throw new Error(`generated data does not read: ${result.diagnostics[0].message}`);
  return result.dataset;
}

const monthsOf = (dataset: Dataset, payeeId: string) => {
  const facts = dataset.facts.get(payeeId)!;
  return Array.from({ length: 12 }, (_, k) => facts.get(RURAL_YEAR * 12 + k)!.values);
};

interface Clock { wall: number; cpu: number }
const clock = (): Clock => { const c = process.cpuUsage(); return { wall: Number(process.hrtime.bigint()) / 1e9, cpu: (c.user + c.system) / 1e6 }; };
const since = (t: Clock): Clock => { const now = clock(); return { wall: now.wall - t.wall, cpu: now.cpu - t.cpu }; };
const add = (a: Clock, b: Clock): Clock => ({ wall: a.wall + b.wall, cpu: a.cpu + b.cpu });

function timed<T>(f: () => T): [T, Clock] {
  const t = clock();
  const r = f();
  return [r, since(t)];
}

const ratecardLines = (policy: CompiledPolicy, dataset: Dataset, detail: SettleOptions['detail']): BenchLine[] =>
  settle(policy, dataset, { detail }).lines.map((l) => ({ period: l.period, payeeId: l.payeeId, line: l.line, amount: l.amount }));

/**
 * `payees` through Ratecard (amounts only) and the hand-written function; the first `explained`
 * also through Ratecard with explanations, the first `sample` also through json-rules-engine.
 */
export async function compareRural(o: { seed: number; payees: number; explained: number; sample: number; chunk?: number; onChunk?: (done: number) => void }): Promise<RuralComparison> {
  const policy = ruralPolicy();
  const chunk = o.chunk ?? 10_000;
  const engine = ruralEngine();
  const zero = { wall: 0, cpu: 0 };
  const total = { ratecard: zero, explained: zero, hand: zero, jre: zero };
  const disagreements: string[] = [];
  const compared = { all: 0, sample: 0 };
  let explainedPayees = 0;
  for (let from = 0; from < o.payees; from += chunk) {
    const to = Math.min(o.payees, from + chunk);
    const dataset = ruralDataset(policy, o.seed, from, to);
    const [ours, t1] = timed(() => ratecardLines(policy, dataset, 'amounts'));
    total.ratecard = add(total.ratecard, t1);
    if (from < o.explained) {
      const [explained, t2] = timed(() => ratecardLines(policy, dataset, 'explanation'));
      total.explained = add(total.explained, t2);
      explainedPayees += to - from;
      disagreements.push(...differences(ours, explained, ['ratecard', 'ratecard with explanations']));
    }
    const [hand, t3] = timed(() => {
      const out: BenchLine[] = [];
      for (const p of dataset.covered) handWrittenRural(p.payeeId, RURAL_YEAR, monthsOf(dataset, p.payeeId) as Exact[][], out);
      return out;
    });
    total.hand = add(total.hand, t3);
    disagreements.push(...differences(ours, hand, ['ratecard', 'hand-written']));
    compared.all += ours.length;
    if (from < o.sample) {
      const sample = dataset.covered.slice(0, o.sample - from);
      const ids = new Set(sample.map((p) => p.payeeId));
      const jre: BenchLine[] = [];
      const t = clock();
      for (const p of sample) await jsonRulesEngineRural(engine, p.payeeId, RURAL_YEAR, monthsOf(dataset, p.payeeId) as Exact[][], jre);
      total.jre = add(total.jre, since(t));
      const oursSample = ours.filter((l) => ids.has(l.payeeId));
      disagreements.push(...differences(oursSample, jre, ['ratecard', 'json-rules-engine']), ...differences(hand.filter((l) => ids.has(l.payeeId)), jre, ['hand-written', 'json-rules-engine']));
      compared.sample += oursSample.length;
    }
    o.onChunk?.(to);
  }
  const months = o.payees * 12;
  const of = (payeeMonths: number, c: Clock): Timed => ({ payeeMonths, seconds: c.wall, cpuSeconds: c.cpu });
  return {
    ratecard: of(months, total.ratecard),
    ratecardExplained: of(explainedPayees * 12, total.explained),
    handWritten: of(months, total.hand),
    jsonRulesEngine: of(Math.min(o.sample, o.payees) * 12, total.jre),
    linesCompared: compared,
    disagreements: disagreements.slice(0, 20),
  };
}

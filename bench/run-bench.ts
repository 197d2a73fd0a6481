// The whole bench in one run: the rural policy through Ratecard, json-rules-engine and two
// hand-written functions (Exact and exact integers) on the same data, the private-line policy
// through Ratecard and its two hand-written functions (throughput and agreement to the cent),
// peak memory of full settle runs at two sizes, private-line transactions per second end to
// end, and every target of issue 13 with its figure.
import { availableParallelism, cpus } from 'node:os';
import type { Timed } from './clock.js';
import { comparePrivateLine, type PrivateLineComparison } from './compare-private-line.js';
import { compareRural, type RuralComparison } from './compare-rural.js';
import { outFile, privateLineFiles, ruralFiles } from './datasets.js';
import { settleInChild } from './run-child.js';
import type { ChildReport } from './settle-child.js';
import { type Target, targetsOf } from './targets.js';

export interface BenchOptions {
  seed: number;
  /** Rural payees settled by Ratecard and the hand-written functions, side by side. */
  payees: number;
  /** Of those, the first payees also settled with explanations (as for a CSV statement). */
  explained: number;
  /** Of those, the first payees also run through json-rules-engine. */
  sample: number;
  /** Payee counts of the two full settle runs whose peak memory is compared. */
  rss: [number, number];
  branches: number;
  transactions: number;
  /** Of the private-line branches, the first ones settled side by side in this thread. */
  compared: number;
  workers: number;
}

export const FULL: BenchOptions = { seed: 2025, payees: 100_000, explained: 20_000, sample: 2_000, rss: [10_000, 100_000], branches: 20_000, transactions: 2_000_000, compared: 10_000, workers: availableParallelism() };
export const QUICK: BenchOptions = { seed: 2025, payees: 1_000, explained: 1_000, sample: 100, rss: [250, 1_000], branches: 200, transactions: 20_000, compared: 200, workers: 2 };

export interface BenchResult {
  rural: RuralComparison;
  privateLineCompared: PrivateLineComparison;
  rss: [ChildReport, ChildReport];
  privateLine: ChildReport;
  targets: Target[];
  agree: boolean;
}

/** Payee-months per CPU-second: the ratios hold even when other work shares the machine. */
const rate = (t: Timed) => t.payeeMonths / t.cpuSeconds;
const n = (x: number) => Math.round(x).toLocaleString('en-US');
const header = (print: (line: string) => void) => print(`   ${''.padEnd(34)} ${'per CPU-second'.padStart(14)} ${'per second'.padStart(12)}`);

export async function runBench(o: BenchOptions, print: (line: string) => void): Promise<BenchResult> {
  print(`machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), node ${process.version}`);
  print(`data: seed ${o.seed}; rural ${n(o.rss[1])} payees × 12 months; private-line ${n(o.branches)} branches, ${n(o.transactions)} transactions`);
  const t = Date.now();
  const big = ruralFiles(o.seed, o.rss[1]);
  const small = ruralFiles(o.seed, o.rss[0]);
  const lines = privateLineFiles(o.seed, o.branches, o.transactions);
  print(`generated (or reused) bench/.data in ${((Date.now() - t) / 1000).toFixed(1)} s`);

  print(`\n1. rural-contract, the same parsed facts, one thread (${n(o.payees)} payees; json-rules-engine on the first ${n(o.sample)}; by chunks of 10,000, each run the fastest of 3 taking turns${typeof (globalThis as { gc?: unknown }).gc === 'function' ? ', on a collected heap' : ''})`);
  const rural = await compareRural({ seed: o.seed, payees: o.payees, explained: o.explained, sample: o.sample });
  header(print);
  const row = (name: string, x: Timed, unit = 'payee-months', count = x.payeeMonths) =>
    print(`   ${name.padEnd(34)} ${n(count / x.cpuSeconds).padStart(14)} ${n(count / x.seconds).padStart(12)}  ${unit} (${n(count)} in ${x.seconds.toFixed(2)} s, ${x.cpuSeconds.toFixed(2)} s CPU)`);
  row('Ratecard (amounts)', rural.ratecard);
  row('Ratecard (amounts, reference closures)', rural.ratecardReference);
  row('Ratecard (amounts, reasons at once)', rural.ratecardEager);
  row(`Ratecard (with explanations)${o.explained < o.payees ? '*' : ''}`, rural.ratecardExplained);
  row('hand-written, Exact', rural.handWritten);
  row('hand-written, exact integers', rural.integer);
  row('json-rules-engine, run per month*', rural.jsonRulesEngine);
  row('Ratecard (amounts, lines as columns)', rural.ratecardColumns);
  row('exact integers, lines as columns', rural.integerColumns);
  print(`   * on the first ${o.explained < o.payees ? `${n(o.explained)} payees with explanations, ` : ''}${n(o.sample)} payees through json-rules-engine`);
  print(`   Ratecard / hand-written Exact  ${(rate(rural.ratecard) / rate(rural.handWritten)).toFixed(2)}×   (exact integers / Exact: ${(rate(rural.integer) / rate(rural.handWritten)).toFixed(1)}×; generated code / reference closures: ${(rate(rural.ratecard) / rate(rural.ratecardReference)).toFixed(2)}×)`);
  const ruralAgree = rural.disagreements.length === 0;
  print(`   agreement to the cent: ${ruralAgree ? 'yes' : 'NO'} — ${n(rural.linesCompared.all)} lines Ratecard = its reference closures = Exact = integers (as objects and as columns), ${n(rural.linesCompared.sample)} lines of the sample = json-rules-engine; ${rural.integerFallbacks} payees handed from integers to Exact`);
  rural.disagreements.forEach((d) => print(`     ${d}`));

  print(`\n2. private-line, the same parsed facts and transactions, one thread (the first ${n(o.compared)} branches, in chunks of 2,000 ranked as their own population; each run the fastest of 3 taking turns)`);
  const privateLineCompared = comparePrivateLine({ seed: o.seed, branches: o.compared, transactions: Math.round((o.transactions * o.compared) / o.branches) });
  header(print);
  const tx = (name: string, x: Timed) => row(name, x, 'transactions', privateLineCompared.transactions);
  tx('Ratecard (amounts)', privateLineCompared.ratecard);
  tx('Ratecard (amounts, reference closures)', privateLineCompared.ratecardReference);
  tx('hand-written, Exact', privateLineCompared.handWritten);
  tx('hand-written, exact integers', privateLineCompared.integer);
  const lineAgree = privateLineCompared.disagreements.length === 0;
  print(`   generated code / reference closures: ${(rate(privateLineCompared.ratecard) / rate(privateLineCompared.ratecardReference)).toFixed(2)}×`);
  print(`   agreement to the cent: ${lineAgree ? 'yes' : 'NO'} — ${n(privateLineCompared.linesCompared)} lines Ratecard = its reference closures = Exact = integers; ${privateLineCompared.integerFallbacks} chunks handed from integers to Exact`);
  privateLineCompared.disagreements.forEach((d) => print(`     ${d}`));

  print(`\n3. rural-contract end to end as \`ratecard settle --workers ${o.workers}\` (CSV in, statement CSV with explanations out), one process each`);
  const rss = o.rss.map((payees, i) => settleInChild({ policy: 'policies/rural-contract.yaml', ...(i ? big : small), workers: o.workers, out: outFile(`rural-${payees}`) })) as [ChildReport, ChildReport];
  rss.forEach((r, i) => print(`   ${n(o.rss[i]).padStart(7)} payees: ${n((o.rss[i] * 12) / r.seconds).padStart(8)} payee-months/s, ${r.seconds.toFixed(1)} s (${r.cpuSeconds.toFixed(1)} s CPU), peak RSS ${r.maxRssMb.toFixed(0)} MB (${r.lines} lines, ${r.parts} parts, ${r.workers} workers)`));

  print(`\n4. private-line end to end (${n(o.transactions)} transactions, population growth ranks), ${o.workers} workers`);
  const privateLine = settleInChild({ policy: 'policies/private-line.yaml', ...lines, workers: o.workers, out: outFile('private-line') });
  print(`   ${n(o.transactions / privateLine.seconds)} transactions/s, ${privateLine.seconds.toFixed(1)} s (${privateLine.cpuSeconds.toFixed(1)} s CPU), peak RSS ${privateLine.maxRssMb.toFixed(0)} MB (${privateLine.lines} lines, ${privateLine.parts} parts)`);

  const targets = targetsOf({ rural, privateLine: privateLineCompared, rss, rssPayees: o.rss });
  print('\ntargets (issue 13; ratios of figures measured in this run)');
  for (const x of targets) print(`   ${x.name.padEnd(64)} ${x.figure.padStart(8)}   ${x.target.padEnd(8)} ${x.met === undefined ? 'measured by the browser test' : x.met ? 'met' : 'NOT met'}`);
  return { rural, privateLineCompared, rss, privateLine, targets, agree: ruralAgree && lineAgree };
}

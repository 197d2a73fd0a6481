// The whole bench in one run: the rural policy through Ratecard, json-rules-engine and a
// hand-written function on the same data (throughput and agreement to the cent), peak memory
// of full settle runs at two sizes, and private-line transactions per second.
import { availableParallelism, cpus } from 'node:os';
import { compareRural, type RuralComparison, type Timed } from './compare-rural.js';
import { outFile, privateLineFiles, ruralFiles } from './datasets.js';
import { settleInChild } from './run-child.js';
import type { ChildReport } from './settle-child.js';

export interface BenchOptions {
  seed: number;
  /** Rural payees settled by Ratecard and the hand-written function, side by side. */
  payees: number;
  /** Of those, the first payees also settled with explanations (as for a CSV statement). */
  explained: number;
  /** Of those, the first payees also run through json-rules-engine. */
  sample: number;
  /** Payee counts of the two full settle runs whose peak memory is compared. */
  rss: [number, number];
  branches: number;
  transactions: number;
  workers: number;
}

export const FULL: BenchOptions = { seed: 2025, payees: 100_000, explained: 20_000, sample: 2_000, rss: [10_000, 100_000], branches: 20_000, transactions: 2_000_000, workers: availableParallelism() };
export const QUICK: BenchOptions = { seed: 2025, payees: 1_000, explained: 1_000, sample: 100, rss: [250, 1_000], branches: 200, transactions: 10_000, workers: 2 };

export interface BenchResult {
  rural: RuralComparison;
  rss: [ChildReport, ChildReport];
  privateLine: ChildReport;
  ratios: { overJsonRulesEngine: number; overHandWritten: number; rss: number };
  agree: boolean;
}

/** Payee-months per CPU-second: the ratios hold even when other work shares the machine. */
const rate = (t: Timed) => t.payeeMonths / t.cpuSeconds;
const n = (x: number) => Math.round(x).toLocaleString('en-US');

export async function runBench(o: BenchOptions, print: (line: string) => void): Promise<BenchResult> {
  print(`machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), node ${process.version}`);
  print(`data: seed ${o.seed}; rural ${n(o.rss[1])} payees × 12 months; private-line ${n(o.branches)} branches, ${n(o.transactions)} transactions`);
  const t = Date.now();
  const big = ruralFiles(o.seed, o.rss[1]);
  const small = ruralFiles(o.seed, o.rss[0]);
  const lines = privateLineFiles(o.seed, o.branches, o.transactions);
  print(`generated (or reused) bench/.data in ${((Date.now() - t) / 1000).toFixed(1)} s`);

  print(`\n1. rural-contract, the same parsed facts, one thread (${n(o.payees)} payees; json-rules-engine on the first ${n(o.sample)})`);
  const rural = await compareRural({ seed: o.seed, payees: o.payees, explained: o.explained, sample: o.sample });
  print(`   ${''.padEnd(34)} ${'per CPU-second'.padStart(14)} ${'per second'.padStart(12)}`);
  const row = (name: string, x: Timed) => print(`   ${name.padEnd(34)} ${n(rate(x)).padStart(14)} ${n(x.payeeMonths / x.seconds).padStart(12)}  payee-months (${n(x.payeeMonths)} in ${x.seconds.toFixed(2)} s, ${x.cpuSeconds.toFixed(2)} s CPU)`);
  row('Ratecard (amounts)', rural.ratecard);
  row(`Ratecard (with explanations)${o.explained < o.payees ? '*' : ''}`, rural.ratecardExplained);
  row('hand-written TypeScript', rural.handWritten);
  row('json-rules-engine, run per month*', rural.jsonRulesEngine);
  print(`   * on the first ${o.explained < o.payees ? `${n(o.explained)} payees with explanations, ` : ''}${n(o.sample)} payees through json-rules-engine`);
  const ratios = {
    overJsonRulesEngine: rate(rural.ratecard) / rate(rural.jsonRulesEngine),
    overHandWritten: rate(rural.ratecard) / rate(rural.handWritten),
    rss: 0,
  };
  print(`   Ratecard / json-rules-engine  ${ratios.overJsonRulesEngine.toFixed(1)}×   (target ≥ 50×)`);
  print(`   Ratecard / hand-written       ${ratios.overHandWritten.toFixed(2)}×   (target ≥ 0.5×)`);
  const agree = rural.disagreements.length === 0;
  print(`   agreement to the cent: ${agree ? 'yes' : 'NO'} — ${n(rural.linesCompared.all)} lines Ratecard = hand-written, ${n(rural.linesCompared.sample)} lines of the sample = json-rules-engine`);
  rural.disagreements.forEach((d) => print(`     ${d}`));

  print(`\n2. rural-contract end to end as \`ratecard settle --workers ${o.workers}\` (CSV in, statement CSV with explanations out), one process each`);
  const rss = o.rss.map((payees, i) => settleInChild({ policy: 'policies/rural-contract.yaml', ...(i ? big : small), workers: o.workers, out: outFile(`rural-${payees}`) })) as [ChildReport, ChildReport];
  rss.forEach((r, i) => print(`   ${n(o.rss[i]).padStart(7)} payees: ${n((o.rss[i] * 12) / r.seconds).padStart(8)} payee-months/s, ${r.seconds.toFixed(1)} s (${r.cpuSeconds.toFixed(1)} s CPU), peak RSS ${r.maxRssMb.toFixed(0)} MB (${r.lines} lines, ${r.parts} parts, ${r.workers} workers)`));
  ratios.rss = rss[1].maxRssMb / rss[0].maxRssMb;
  print(`   peak RSS ${n(o.rss[1])} / ${n(o.rss[0])} payees: ${ratios.rss.toFixed(2)}×   (target ≤ 1.5×)`);

  print(`\n3. private-line end to end (${n(o.transactions)} transactions, population growth ranks), ${o.workers} workers`);
  const privateLine = settleInChild({ policy: 'policies/private-line.yaml', ...lines, workers: o.workers, out: outFile('private-line') });
  print(`   ${n(o.transactions / privateLine.seconds)} transactions/s, ${privateLine.seconds.toFixed(1)} s (${privateLine.cpuSeconds.toFixed(1)} s CPU), peak RSS ${privateLine.maxRssMb.toFixed(0)} MB (${privateLine.lines} lines)`);
  return { rural, rss, privateLine, ratios, agree };
}

// Ratecard's private-line `amounts` run against the exact-integer function, alternating in one
// process on the same parsed facts and transactions, the best and the median of 6 runs each (CPU time, collected heap):
//   npm run build && node --expose-gc --no-concurrent-sweeping dist/bench/ratio-private-line.js [branches] [rounds]
import { settle } from '../engine/index.js';
import { privateLineDataset, privateLinePolicy } from './compare-private-line.js';
import { integerPrivateLine } from './integer-private-line.js';
import { privateLineRows } from './private-line-data.js';
import { collectGarbage } from './clock.js';
import type { BenchLine } from './bench-line.js';

const branches = Number(process.argv[2] ?? 2000);
const rounds = Number(process.argv[3] ?? 6);
const policy = privateLinePolicy();
const rows = privateLineRows(2025, 0, branches, branches, branches * 100);
const dataset = privateLineDataset(policy, rows);
const cpu = (f: () => unknown) => { collectGarbage(); const c = process.cpuUsage(); f(); const u = process.cpuUsage(c); return (u.user + u.system) / 1e6; };
const runs: Record<string, () => unknown> = {
  'Ratecard (amounts)': () => settle(policy, dataset, { detail: 'amounts' }).lines,
  'hand-written, exact integers': () => { const out: BenchLine[] = []; integerPrivateLine(dataset, out); return out; },
};
const times = Object.fromEntries(Object.keys(runs).map((k) => [k, [] as number[]]));
for (let r = 0; r < rounds; r++) for (const [name, run] of Object.entries(runs)) times[name].push(cpu(run));
const best = (name: string) => Math.min(...times[name]);
const median = (name: string) => [...times[name]].sort((a, b) => a - b)[times[name].length >> 1];
const limit = 'hand-written, exact integers';
for (const name of Object.keys(runs)) {
  const rate = (t: number) => Math.round(rows.transactions.length / t).toLocaleString('en-US').padStart(10);
  console.log(`${name.padEnd(30)} ${rate(best(name))} transactions per CPU-second (best; median ${rate(median(name))})  ${(best(limit) / best(name)).toFixed(2)}× the integer function (median ${(median(limit) / median(name)).toFixed(2)}×)`);
}

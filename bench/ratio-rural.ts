// Ratecard's rural `amounts` run three ways against the exact-integer function, alternating in
// one process on the same parsed facts, best of 6 runs each (per CPU-second):
//   npm run build && node --expose-gc --no-concurrent-sweeping dist/bench/ratio-rural.js [payees]
import { settle } from '../engine/index.js';
import { explainedLines, monthsOf, ruralDataset, ruralPolicy } from './compare-rural.js';
import { integerRural } from './integer-rural.js';
import { collectGarbage } from './clock.js';
import type { BenchLine } from './bench-line.js';

const payees = Number(process.argv[2] ?? 5000);
const policy = ruralPolicy();
const dataset = ruralDataset(policy, 2025, 0, payees);
const cpu = (f: () => unknown) => { collectGarbage(); const c = process.cpuUsage(); f(); const u = process.cpuUsage(c); return (u.user + u.system) / 1e6; };
const runs: Record<string, () => unknown> = {
  'generated code': () => settle(policy, dataset, { detail: 'amounts' }).lines,
  'generated code, reasons at once': () => settle(policy, dataset, { detail: 'amounts', lazyReasons: false }).lines,
  'reference closures': () => settle(policy, dataset, { detail: 'amounts', engine: 'reference' }).lines,
  'with explanations (each read once)': () => explainedLines(policy, dataset),
  'hand-written, exact integers': () => { const out: BenchLine[] = []; for (const p of dataset.covered) integerRural(p.payeeId, 2025, monthsOf(dataset, p.payeeId), out); return out; },
};
const best = Object.fromEntries(Object.keys(runs).map((k) => [k, Infinity]));
for (let r = 0; r < 6; r++) for (const [name, run] of Object.entries(runs)) best[name] = Math.min(best[name], cpu(run));
const limit = best['hand-written, exact integers'];
for (const [name, t] of Object.entries(best)) {
  console.log(`${name.padEnd(36)} ${Math.round((payees * 12) / t).toLocaleString('en-US').padStart(9)} payee-months per CPU-second  ${(limit / t).toFixed(2)}× the integer function`);
}

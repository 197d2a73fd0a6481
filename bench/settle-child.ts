// A settle run in a process of its own, as `ratecard settle --workers N` runs it (CSV in,
// statement CSV with explanations out, in parts over worker threads), reporting its time and
// the process's peak resident memory (worker threads included) as one JSON line on stdout.
import { readFileSync } from 'node:fs';
import { settleInParts } from '../runner/settle-in-parts.js';

export interface ChildReport { seconds: number; cpuSeconds: number; maxRssMb: number; lines: number; payees: number; workers: number; parts: number; total: string }

const [policy, payees, facts, transactions, workers, out] = process.argv.slice(2);
const started = process.hrtime.bigint();
const summary = await settleInParts({
  policy: { file: policy, text: readFileSync(policy, 'utf8') },
  files: { payees, facts, transactions: transactions === '-' ? undefined : transactions },
  workers: Number(workers), format: 'csv', out,
});
const report: ChildReport = {
  seconds: Number(process.hrtime.bigint() - started) / 1e9,
  cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
  maxRssMb: process.resourceUsage().maxRSS / 1024,
  lines: summary.lines, payees: summary.payees, workers: summary.workers, parts: summary.parts, total: summary.totals.total,
};
process.stdout.write(JSON.stringify(report) + '\n');

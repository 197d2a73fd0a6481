// Settles the first 2,000 generated private-line branches a few times, for `node --cpu-prof`:
//   npm run build && node --expose-gc --cpu-prof --cpu-prof-dir=/tmp/prof dist/bench/profile-private-line.js [branches] [rounds]
import { settle } from '../engine/index.js';
import { privateLineDataset, privateLinePolicy } from './compare-private-line.js';
import { privateLineRows } from './private-line-data.js';
import { collectGarbage } from './clock.js';

const branches = Number(process.argv[2] ?? 2000);
const rounds = Number(process.argv[3] ?? 10);
const policy = privateLinePolicy();
const rows = privateLineRows(2025, 0, branches, branches, branches * 100);
const dataset = privateLineDataset(policy, rows);
for (let r = 0; r < rounds; r++) {
  collectGarbage();
  const c = process.cpuUsage();
  const lines = settle(policy, dataset, { detail: 'amounts' }).lines.length;
  const u = process.cpuUsage(c);
  console.log(`amounts: ${lines} lines, ${Math.round(rows.transactions.length / ((u.user + u.system) / 1e6)).toLocaleString('en')} transactions per CPU-second`);
}

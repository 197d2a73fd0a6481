// Settles the first 2,000 generated rural payees a few times, for `node --cpu-prof`:
//   npm run build && node --cpu-prof --cpu-prof-dir=/tmp/prof dist/bench/profile-rural.js [amounts|explanation] [payees] [rounds]
import { settle } from '../engine/index.js';
import { ruralDataset, ruralPolicy } from './compare-rural.js';

const detail = (process.argv[2] ?? 'amounts') as 'amounts' | 'explanation';
const payees = Number(process.argv[3] ?? 2000);
const rounds = Number(process.argv[4] ?? 5);
const policy = ruralPolicy();
const dataset = ruralDataset(policy, 2025, 0, payees);
for (let r = 0; r < rounds; r++) {
  const c = process.cpuUsage();
  const lines = settle(policy, dataset, { detail }).lines.length;
  const u = process.cpuUsage(c);
  const cpu = (u.user + u.system) / 1e6;
  console.log(`${detail}: ${lines} lines, ${Math.round((payees * 12) / cpu).toLocaleString('en')} payee-months per CPU-second`);
}

// Peak RSS of one private-line run in parts (as `ratecard settle --workers N`), at a chosen size:
//   npm run build && node dist/bench/rss-private-line.js [branches] [transactions] [workers]
import { outFile, privateLineFiles } from './datasets.js';
import { settleInChild } from './run-child.js';

const branches = Number(process.argv[2] ?? 5_000);
const transactions = Number(process.argv[3] ?? 500_000);
const workers = Number(process.argv[4] ?? 2);
const files = privateLineFiles(2025, branches, transactions);
const r = settleInChild({ policy: 'policies/private-line.yaml', ...files, workers, out: outFile(`private-line-${branches}-${transactions}`) });
process.stdout.write(`private-line ${branches.toLocaleString('en-US')} branches, ${transactions.toLocaleString('en-US')} transactions, ${workers} workers: `
  + `peak RSS ${r.maxRssMb.toFixed(0)} MB, ${r.seconds.toFixed(1)} s (${r.cpuSeconds.toFixed(1)} s CPU), ${r.parts} parts, ${r.lines} lines, total ${r.total}\n`);

// `npm run bench` (province scale) and `npm run bench -- --quick` (small sizes, under a minute).
import { FULL, QUICK, runBench } from './run-bench.js';

const quick = process.argv.includes('--quick');
const result = await runBench(quick ? QUICK : FULL, (line) => process.stdout.write(line + '\n'));
if (!result.agree) {
  process.stdout.write('the implementations disagree: see above\n');
  process.exitCode = 1;
}

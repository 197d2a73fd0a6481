// `npm run bench` (province scale) and `npm run bench -- --quick` (small sizes, under a minute).
// `--payees N` and `--branches N` set the sizes of the side-by-side comparisons in this thread
// (rural payees, private-line branches with 100 transactions each), e.g. quick runs with
// comparisons large enough to warm up: `npm run bench -- --quick --payees 20000 --branches 2000`.
import { FULL, QUICK, runBench } from './run-bench.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : Number(process.argv[i + 1]);
};
const options = { ...(process.argv.includes('--quick') ? QUICK : FULL) };
const payees = arg('--payees'), branches = arg('--branches');
if (payees) Object.assign(options, { payees, explained: Math.min(payees, 20_000), sample: Math.min(payees / 10, 2_000) });
if (branches) options.compared = branches;
const result = await runBench(options, (line) => process.stdout.write(line + '\n'));
if (!result.agree) {
  process.stdout.write('the implementations disagree: see above\n');
  process.exitCode = 1;
}

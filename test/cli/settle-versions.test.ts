// `ratecard settle --policy v1.yaml --policy v2.yaml`: a range that spans an amendment, each month
// under the version in force; the summary says which version settled which months.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, scratch, settleArgs } from '../fixtures/run-cli.js';

describe('ratecard settle over policy versions', () => {
  it('settles each month under the version in force', async () => {
    const dir = scratch().dir;
    const v2 = join(dir, 'rural-contract-v2.yaml');
    writeFileSync(v2, readFileSync('policies/rural-contract.yaml', 'utf8').replace(/^version: 1$/m, 'version: 2')
      .replace(/^applies_to:/m, 'effective: { from: 2025-07 }\napplies_to:').replace('    value: 0.02\n', '    value: 0.03\n'));
    const out = join(dir, 'statement.csv');
    const run = await runCli([...settleArgs('rural-contract'), '--policy', v2, '--out', out]);
    expect(run.stderr).toBe(`338 lines, 2025-01 to 2025-12 under version 1 (2025-01 to 2025-06), version 2 (2025-07 to 2025-12), total 394128.03 → ${out}\n`);
    expect(run.code).toBe(0);
    // R02 in July: 7 steps × 3 % of 7345.50 = 1542.555 → 1542.56 (see test/engine/settle/settle-versions.test.ts)
    expect(readFileSync(out, 'utf8')).toMatch(/^2025-07,R02,rural-contract,under_completion,deduction,-1542\.56,/m);
  });

  it('refuses to settle versions in parts', async () => {
    const run = await runCli([...settleArgs('rural-contract'), '--policy', 'policies/rural-contract.yaml', '--workers', '2', '--out', join(scratch().dir, 'x.csv')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('a range over several policy versions settles in one process: leave out --workers');
  });
});

describe('ratecard settle --budget', () => {
  it('refuses a run over its budget of rule evaluations before any work, located at the option', async () => {
    const out = join(scratch().dir, 'x.csv');
    // 6 rural payees × 12 months × 8 rules = 576 evaluations
    const run = await runCli([...settleArgs('rural-contract'), '--budget', '500', '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('(options):1:1 budget: this run would take 576 rule evaluations (6 payees × 12 months × 8 rules), over its budget of 500: settle fewer payees or months, or raise the budget\n');
    const within = await runCli([...settleArgs('rural-contract'), '--budget', '576', '--out', out]);
    expect(within.code).toBe(0);
  });
});

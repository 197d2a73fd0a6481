// `ratecard test`: exit codes distinct from validation errors (0 passed, 1 invalid input, 3 a case
// failed, 4 a rule never fired with --require-coverage) and expected against actual per line.
import { copyFileSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, scratch } from '../fixtures/run-cli.js';

/** The 1-based line of the first line of the bundled rural tests that contains `needle`. */
const lineOf = (needle: string) => readFileSync('policies/rural-contract.test.yaml', 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;

function withTests(edit: (text: string) => string) {
  const dir = scratch('ratecard-test-');
  copyFileSync('policies/rural-contract.yaml', dir.path('rural-contract.yaml'));
  return dir.write('rural-contract.test.yaml', edit(readFileSync('policies/rural-contract.test.yaml', 'utf8')));
}

describe('ratecard test', () => {
  it('runs every policies/*.test.yaml by default and exits 0 when all pass', async () => {
    const { code, stdout, stderr } = await runCli(['test', '--require-coverage']);
    expect(stderr).toBe('');
    expect(stdout).toContain('policies/rural-contract.test.yaml: rural-contract v1 (policies/rural-contract.yaml)');
    expect(stdout).toContain('  ✓ deductions are refunded at met checkpoints, each quarter once (7 lines compared)');
    expect(stdout).toContain('  coverage: 8 of 8 rules fired\n');
    expect(stdout).toMatch(/\d+ test files, \d+ cases: \d+ passed, 0 failed\n$/);
    expect(code).toBe(0);
  });

  it('takes a policy and runs the tests beside it', async () => {
    const { code, stdout } = await runCli(['test', 'policies/service-center.yaml']);
    expect(stdout).toContain('policies/service-center.test.yaml: service-center v1 (policies/service-center.yaml)');
    expect(stdout).toContain('1 test file, 4 cases: 4 passed, 0 failed');
    expect(code).toBe(0);
  });

  it('exits 3 on a failing case and shows expected against actual per line', async () => {
    const file = withTests((t) => t.replace('amount: 24.00', 'amount: 24.10'));
    const { code, stdout } = await runCli(['test', file]);
    expect(stdout).toContain('  ✗ deductions are refunded at met checkpoints, each quarter once (7 lines compared)\n'
      + '      period   payee  line              expected  actual\n'
      + '      2025-01  R01    under_completion    -12.00  -12.00  ✓\n');
    expect(stdout).toContain(`      2025-09  R01    refund               24.10   24.00  ✗ expected 24.10, got 24.00 (${file}:${lineOf('amount: 24.00')}:9)\n`);
    expect(stdout).toContain('8 cases: 7 passed, 1 failed');
    expect(code).toBe(3);
  });

  it('exits 1 on invalid input, with located messages, before failing cases count', async () => {
    const file = withTests((t) => t.replace('revenue_actual: 1100 }', 'revenue_actual: 11OO }'));
    const { code, stdout, stderr } = await runCli(['test', file]);
    expect(stderr).toContain(`${file}:${lineOf('revenue_actual: 1100 }')}:59 revenue_actual: expected an amount of money, got \`11OO\`\n`);
    expect(stdout).toContain(`✗ completion above 100% is paid in proportion, up to 130% (${file}:${lineOf('name: completion above')}:5): invalid input`);
    expect(code).toBe(1);
    const missing = await runCli(['test', 'no-such.test.yaml']);
    expect(missing.stderr).toBe('no-such.test.yaml:1:1 test: cannot read the test file: no such file\n');
    expect(missing.code).toBe(1);
  });

  it('exits 4 with --require-coverage when a rule never fired, and lists it', async () => {
    const file = withTests((t) => t.slice(0, t.indexOf('  - name: every checkpoint met')));
    const plain = await runCli(['test', file]);
    expect(plain.stdout).toContain('  coverage: 7 of 8 rules fired; never fired: `over_target`\n');
    expect(plain.code).toBe(0);
    expect((await runCli(['test', '--require-coverage', file])).code).toBe(4);
  });

  it('exits 2 on a usage mistake', async () => {
    expect((await runCli(['test', '--nope'])).code).toBe(2);
  });
});

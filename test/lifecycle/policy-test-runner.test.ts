// What a policy test reports when it fails or its input is wrong: expected against actual per
// line, missing and unexpected lines, kinds, withheld reasons, coverage, and located errors in
// the test file (schema, cells, parameter overrides, unknown lines).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../engine/index.js';
import { readPolicyTests, runPolicyTests, type PolicyTestReport } from '../../engine/policy-test/index.js';

const rural = { file: 'policies/rural-contract.yaml', text: readFileSync('policies/rural-contract.yaml', 'utf8') };

const header = `policy: rural-contract.yaml
defaults:
  payees: { channel_type: rural_contract }
  facts: { revenue_plan: 1000, revenue_actual: 1000, billed_lines: 100, new_lines: 0, new_broadband: 0, installs: 0, fees_due: 0, fees_collected: 0, arrears_bought_out: 0 }
cases:
`;

function run(cases: string): PolicyTestReport {
  const read = readPolicyTests({ file: 'x.test.yaml', text: header + cases });
  if (!read.ok) throw new Error(read.diagnostics.map(formatDiagnostic).join('\n'));
  return runPolicyTests(read.suite, rural);
}

const problems = (text: string) => {
  const read = readPolicyTests({ file: 'x.test.yaml', text });
  return read.ok ? runPolicyTests(read.suite, rural).diagnostics.map(formatDiagnostic) : read.diagnostics.map(formatDiagnostic);
};

describe('a failing case', () => {
  const report = run(`  - name: January
    payees: [{ payee_id: R01 }]
    facts:
      - { period: 2025-01, payee_id: R01, revenue_actual: 955, fees_due: 100, fees_collected: 100 }
    expect:
      - { period: 2025-01, payee: R01, line: maintenance, amount: 150.01 }
      - { period: 2025-01, payee: R01, line: under_completion, kind: bonus, amount: -12.00 }
      - { period: 2025-01, payee: R01, line: development, amount: 5.00 }
`);
  const lines = report.cases[0].lines;

  it('shows expected against actual for every compared line, at the expect entry', () => {
    expect(report.passed).toBe(false);
    expect(report.cases[0].passed).toBe(false);
    expect(lines[0]).toMatchObject({ line: 'maintenance', expected: '150.01', actual: '150.00', passed: false, problem: 'expected 150.01, got 150.00', location: { file: 'x.test.yaml', line: 11, column: 9 } });
  });

  it('checks the kind when given', () => {
    expect(lines[1]).toMatchObject({ line: 'under_completion', expected: '-12.00', actual: '-12.00', passed: false, problem: 'expected kind `bonus`, got `deduction`' });
  });

  it('reports missing and unexpected lines', () => {
    expect(lines[2]).toMatchObject({ line: 'development', expected: '5.00', passed: false, problem: 'missing line' });
    expect(lines[2].actual).toBeUndefined();
    expect(lines.slice(3)).toEqual([expect.objectContaining({ line: 'fee_collection', actual: '1.00', passed: false, problem: 'unexpected line' })]);
    expect(lines[3].expected).toBeUndefined();
  });

  it('counts a rule as covered only from lines a case compared', () => {
    expect(report.coverage?.fired).toEqual(['maintenance', 'under_completion', 'fee_collection']);
    expect(report.coverage?.neverFired).toEqual(['development', 'over_completion', 'arrears_buyout', 'refund', 'over_target']);
  });
});

describe('lines and withheld items', () => {
  it('compares only the listed lines when a case names them', () => {
    const report = run(`  - name: only deductions
    payees: [{ payee_id: R01 }]
    facts: [{ period: 2025-01, payee_id: R01, revenue_actual: 955 }]
    lines: [under_completion]
    expect: [{ period: 2025-01, payee: R01, line: under_completion, amount: -12 }]
`);
    expect(report.passed).toBe(true);
    expect(report.cases[0].lines).toHaveLength(1);
    expect(report.coverage?.fired).toEqual(['under_completion']);
  });

  it('checks what a gate withheld and why', () => {
    const report = run(`  - name: gate
    payees: [{ payee_id: R01 }]
    facts: [{ period: 2025-01, payee_id: R01, fees_due: 1000, fees_collected: 979 }]
    lines: [fee_collection]
    expect: []
    withheld:
      - { period: 2025-01, payee: R01, line: fee_collection, reason: not the reason }
      - { period: 2025-02, payee: R01, line: fee_collection }
`);
    expect(report.cases[0].withheld).toEqual([
      expect.objectContaining({ passed: false, problem: expect.stringMatching(/^expected a reason with `not the reason`, got `withheld: .*fee_ratio 0.979 ≥ fee_gate 0.98 is not met`$/) }),
      expect.objectContaining({ period: '2025-02', passed: false, problem: 'not withheld' }),
    ]);
  });

  it('an expected amount of 0 means no line', () => {
    const report = run(`  - name: zero
    payees: [{ payee_id: R01 }]
    facts: [{ period: 2025-01, payee_id: R01 }]
    lines: [over_completion]
    expect: [{ period: 2025-01, payee: R01, line: over_completion, amount: 0 }]
`);
    expect(report.passed).toBe(true);
  });
});

describe('located errors in the test file', () => {
  it('reports schema errors at their line and column', () => {
    expect(problems(`${header}  - name: bad
    payees: [{ payee_id: R01 }]
    facts: [{ period: 2025-01, payee_id: R01 }]
    expect: [{ period: 2025-13, payee: R01, line: maintenance, amount: 1.5x }]
    expcted: []
`)).toEqual([
      'x.test.yaml:9:24 cases[0].expect[0].period: expected a month as YYYY-MM, got `2025-13`',
      'x.test.yaml:9:72 cases[0].expect[0].amount: expected an amount such as `-4.50`, got `1.5x`',
      'x.test.yaml:10:5 cases[0].expcted: unknown field `expcted`',
    ]);
    expect(problems('cases: []\n')).toEqual(['x.test.yaml:1:8 cases: expected at least 1 item']);
    expect(problems('cases: [{ name: a }]\n')).toEqual([
      'x.test.yaml:1:9 cases[0]: missing field `payees`',
      'x.test.yaml:1:9 cases[0]: missing field `facts`',
      'x.test.yaml:1:9 cases[0]: missing field `expect`',
    ]);
  });

  it('reports a YAML syntax error', () => {
    expect(problems('cases: [\n')[0]).toMatch(/^x\.test\.yaml:2:1 yaml: /);
  });

  it('reports a bad cell where it is written', () => {
    expect(problems(`${header}  - name: bad cell
    payees: [{ payee_id: R01 }]
    facts:
      - { period: 2025-01, payee_id: R01, revenue_actual: 87x16 }
    expect: []
`)).toEqual(['x.test.yaml:9:59 revenue_actual: expected an amount of money, got `87x16`']);
  });

  it('reports a bad parameter override where it is written', () => {
    expect(problems(`${header}  - name: bad params
    params:
      step_ratee: 0.03
    payees: [{ payee_id: R01 }]
    facts: [{ period: 2025-01, payee_id: R01 }]
    expect: []
`)).toEqual(['x.test.yaml:8:7 step_ratee: unknown parameter `step_ratee`; did you mean `step_rate`?']);
  });

  it('reports an expected line given twice', () => {
    expect(problems(`${header}  - name: twice
    payees: [{ payee_id: R01 }]
    facts: [{ period: 2025-01, payee_id: R01 }]
    expect:
      - { period: 2025-01, payee: R01, line: maintenance, amount: 150 }
      - { period: 2025-01, payee: R01, line: maintenance, amount: 150.00 }
`)).toEqual(['x.test.yaml:11:9 expect: duplicate expected line `maintenance` for `R01` in 2025-01, first on line 10']);
  });

  it('reports a line that is no rule of the policy', () => {
    expect(problems(`${header}  - name: typo
    payees: [{ payee_id: R01 }]
    facts: [{ period: 2025-01, payee_id: R01 }]
    lines: [maintenence]
    expect: []
`)).toEqual([expect.stringMatching(/^x\.test\.yaml:9:13 line: unknown line `maintenence`; the policy's rules are `maintenance`, /)]);
  });
});

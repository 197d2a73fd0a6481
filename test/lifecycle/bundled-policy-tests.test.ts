// Every bundled policy ships `<policy>.test.yaml` beside it; CI runs them here through the
// library, and every case must pass with every rule of the policy fired.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPolicyTests, runPolicyTests } from '../../engine/policy-test/index.js';

const policies = readdirSync('policies').filter((f) => f.endsWith('.yaml') && !f.endsWith('.test.yaml')).sort();
const source = (file: string) => ({ file, text: readFileSync(file, 'utf8') });

describe('bundled policy tests', () => {
  it('every bundled policy has a test file', () => {
    const tests = new Set(readdirSync('policies').filter((f) => f.endsWith('.test.yaml')));
    expect(policies.filter((p) => !tests.has(p.replace(/\.yaml$/, '.test.yaml')))).toEqual([]);
  });

  for (const policy of policies) {
    it(`${policy}: every case passes and every rule fires`, () => {
      const read = readPolicyTests(source(`policies/${policy.replace(/\.yaml$/, '.test.yaml')}`));
      if (!read.ok) throw new Error(read.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join('\n'));
      const report = runPolicyTests(read.suite, source(`policies/${read.suite.policy ?? policy}`));
      expect(report.diagnostics).toEqual([]);
      const failures = report.cases.flatMap((c) => [...c.lines, ...c.withheld].filter((l) => !l.passed).map((l) => `${c.name}: ${l.period} ${l.payee} ${l.line}: ${l.problem}`));
      expect(failures).toEqual([]);
      expect(report.passed).toBe(true);
      expect(report.coverage?.neverFired).toEqual([]);
    });
  }
});

// `ratecard test [FILE...]`: run policy tests (`<policy>.test.yaml`) and show expected against
// actual per line and the rules no case made fire. Exit codes: 0 every case passed, 1 invalid
// input (test file, policy, a case's rows or parameters), 3 a case failed, 4 with
// --require-coverage a rule never fired.
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { formatDiagnostic, RatecardError, type SourceLocation } from '../../engine/index.js';
import { type CaseResult, type PolicyTestReport, readPolicyTests, runPolicyTests } from '../../engine/policy-test/index.js';
import { parseOptions, UsageError } from '../args.js';
import type { CliIO, Command } from '../command.js';
import { readSource } from '../files.js';

const usage = `usage: ratecard test [--require-coverage] [--verbose] [FILE...]

  FILE                  a test file (policies/x.test.yaml) or a policy (policies/x.yaml, tested by
                        the x.test.yaml beside it); default: every policies/*.test.yaml
  --require-coverage    fail (exit 4) when a rule of a policy never fired in its cases
  --verbose             show every compared line of every case, not only of failing cases

A test file names its policy with \`policy:\` (relative to the test file; default: its own name
without \`.test\`) and has named cases: given payees, facts and transactions, the expected lines.
Exit codes: 0 passed, 1 invalid input, 2 usage, 3 a case failed, 4 a rule never fired.`;

const at = (l: SourceLocation) => `${l.file}:${l.line}:${l.column}`;

/** The test file and the policy for one argument. */
function pair(arg: string): { test: string; policy?: string } {
  if (/\.test\.ya?ml$/i.test(arg)) return { test: arg };
  const test = arg.replace(/\.ya?ml$/i, '.test.yaml');
  if (!existsSync(test)) throw new RatecardError([{ file: arg, line: 1, column: 1, severity: 'error', field: '', message: `no tests for this policy: \`${basename(test)}\` does not exist beside it`, code: 'io' }]);
  return { test, policy: arg };
}

function testFiles(cwd: string): string[] {
  const dir = join(cwd, 'policies');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.test.yaml')).sort() : [];
  if (!files.length) throw new UsageError('name a test file or a policy: there is no policies/*.test.yaml here');
  return files.map((f) => relative(cwd, join(dir, f)) || f);
}

function runFile(arg: string): PolicyTestReport {
  const { test, policy } = pair(arg);
  const read = readPolicyTests(readSource(test, 'test'));
  if (!read.ok) return { file: test, diagnostics: read.diagnostics, cases: [], passed: false };
  const policyPath = policy ?? join(dirname(test), read.suite.policy ?? basename(test).replace(/\.test\.ya?ml$/i, '.yaml'));
  return runPolicyTests(read.suite, readSource(policyPath, 'policy'));
}

function table(c: CaseResult): string[] {
  const rows = [
    ['period', 'payee', 'line', 'expected', 'actual', ''],
    ...c.lines.map((l) => [l.period, l.payee, l.line, l.expected ?? '—', l.actual ?? '—', l.passed ? '✓' : `✗ ${l.problem}${l.location ? ` (${at(l.location)})` : ''}`]),
    ...c.withheld.map((w) => [w.period, w.payee, w.line, 'withheld', w.reason ? 'withheld' : '—', w.passed ? '✓' : `✗ ${w.problem}${w.location ? ` (${at(w.location)})` : ''}`]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => '      ' + r.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]) : i < 5 ? cell.padStart(widths[i]) : cell)).join('  ').trimEnd());
}

function print(report: PolicyTestReport, verbose: boolean, io: CliIO): void {
  for (const d of report.diagnostics) io.stderr(formatDiagnostic(d) + '\n');
  if (!report.policy) return;
  const out: string[] = [`${report.file}: ${report.policy.id} v${report.policy.version} (${report.policy.file})`];
  for (const c of report.cases) {
    if (c.diagnostics.length) { out.push(`  ✗ ${c.name} (${at(c.location)}): invalid input`); continue; }
    const compared = c.lines.length + c.withheld.length;
    out.push(`  ${c.passed ? '✓' : '✗'} ${c.name} (${compared} line${compared === 1 ? '' : 's'} compared)`);
    if ((!c.passed || verbose) && compared) out.push(...table(c));
  }
  const cov = report.coverage!;
  out.push(`  coverage: ${cov.fired.length} of ${cov.rules.length} rules fired${cov.neverFired.length ? `; never fired: ${cov.neverFired.map((r) => `\`${r}\``).join(', ')}` : ''}`);
  io.stdout(out.join('\n') + '\n');
}

const command: Command = {
  name: 'test',
  summary: 'run policy tests (<policy>.test.yaml): expected against actual lines, rule coverage',
  usage,
  async run(args, io) {
    const { values, positionals } = parseOptions(args, { 'require-coverage': { type: 'boolean' }, verbose: { type: 'boolean' } }, true);
    const files = positionals.length ? positionals : testFiles(io.cwd);
    let invalid = 0, failed = 0, uncovered = 0, cases = 0, passed = 0;
    for (const file of files) {
      let report: PolicyTestReport;
      try {
        report = runFile(file);
      } catch (e) {
        if (!(e instanceof RatecardError)) throw e;
        report = { file, diagnostics: e.diagnostics, cases: [], passed: false };
      }
      print(report, !!values.verbose, io);
      if (report.diagnostics.length) invalid++;
      else if (!report.passed) failed++;
      if (report.coverage?.neverFired.length) uncovered++;
      cases += report.cases.length;
      passed += report.cases.filter((c) => c.passed).length;
    }
    io.stdout(`${files.length} test file${files.length === 1 ? '' : 's'}, ${cases} cases: ${passed} passed, ${cases - passed} failed${uncovered ? `; ${uncovered} with rules that never fired` : ''}\n`);
    return invalid ? 1 : failed ? 3 : values['require-coverage'] && uncovered ? 4 : 0;
  },
};
export default command;

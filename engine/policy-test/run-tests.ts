// Runs a policy's test cases: each case's tables are read for the policy (with the case's
// parameter overrides), settled, and its lines compared with the expected ones, line by line.
// Rule coverage comes from the traces of the lines the cases checked.
import { errorAt, RatecardError } from '../errors.js';
import { Exact } from '../exact/exact.js';
import { loadPolicy, type CompiledPolicy } from '../policy/load-policy.js';
import { readDataset } from '../data/dataset.js';
import { settle } from '../settle/settle.js';
import type { DatasetInput, Diagnostic, LineKind, SourceLocation, SourceText, Statement } from '../types.js';
import type { ExpectedLine, PolicyTestCase, PolicyTestSuite } from './read-tests.js';

/** One compared line: expected, actual or both. */
export interface LineCheck {
  period: string;
  payee: string;
  line: string;
  kind?: LineKind;
  /** As written in the test; absent for an unexpected line. */
  expected?: string;
  /** The line's amount on the statement (summed over its parts); absent for a missing line. */
  actual?: string;
  passed: boolean;
  /** Why it failed, e.g. `expected kind \`bonus\`, got \`commission\``. */
  problem?: string;
  /** The `expect` entry; absent for an unexpected line. */
  location?: SourceLocation;
}

export interface WithheldCheck {
  period: string;
  payee: string;
  line: string;
  reason?: string;
  passed: boolean;
  problem?: string;
  location?: SourceLocation;
}

export interface CaseResult {
  name: string;
  location: SourceLocation;
  passed: boolean;
  lines: LineCheck[];
  withheld: WithheldCheck[];
  /** Invalid input of this case (parameters, rows): the case could not run. */
  diagnostics: Diagnostic[];
  /** What the case settled to, with traces (e.g. for worked examples); absent when it could not run. */
  statement?: Statement;
}

export interface RuleCoverage {
  rules: string[];
  /** Rules with at least one checked, non-zero line in some case. */
  fired: string[];
  neverFired: string[];
}

export interface PolicyTestReport {
  file: string;
  policy?: { id: string; version: string; file: string };
  /** Invalid input: the policy, or any case's parameters or rows. */
  diagnostics: Diagnostic[];
  cases: CaseResult[];
  coverage?: RuleCoverage;
  /** Every case ran and passed. */
  passed: boolean;
}

const key = (period: string, payee: string, line: string) => `${period}\u0000${payee}\u0000${line}`;

export function runPolicyTests(suite: PolicyTestSuite, source: SourceText): PolicyTestReport {
  const base = loadPolicy(source);
  if (!base.ok) return { file: suite.file, diagnostics: base.diagnostics, cases: [], passed: false };
  const policy = base.policy;
  const rules = policy.rules.map((r) => r.id);
  const fired = new Set<string>();
  const cases = suite.cases.map((c) => runCase(policy, source, c, fired));
  const diagnostics = cases.flatMap((c) => c.diagnostics);
  return {
    file: suite.file,
    policy: { id: policy.id, version: policy.version, file: source.file },
    diagnostics,
    cases,
    coverage: { rules, fired: rules.filter((r) => fired.has(r)), neverFired: rules.filter((r) => !fired.has(r)) },
    passed: !diagnostics.length && cases.every((c) => c.passed),
  };
}

function runCase(base: CompiledPolicy, source: SourceText, c: PolicyTestCase, fired: Set<string>): CaseResult {
  const failed = (diagnostics: Diagnostic[]): CaseResult => ({ name: c.name, location: c.location, passed: false, lines: [], withheld: [], diagnostics });
  const unknown = [...(c.lines ?? []).map((l) => ({ id: l.id, location: l.location })), ...c.expect.map((e) => ({ id: e.line, location: e.location })), ...(c.withheld ?? []).map((w) => ({ id: w.line, location: w.location }))]
    .filter((l) => !base.rules.some((r) => r.id === l.id))
    .map((l) => errorAt(l.location, 'line', `unknown line \`${l.id}\`; the policy's rules are ${base.rules.map((r) => `\`${r.id}\``).join(', ')}`, 'unknown-line'));
  if (unknown.length) return failed(unknown);
  let policy = base;
  if (c.overrides) {
    const loaded = loadPolicy(source, { overrides: c.overrides });
    if (!loaded.ok) return failed(loaded.diagnostics);
    policy = loaded.policy;
  }
  const data = readDataset(withTransactions(c.tables, policy, c.location), policy);
  if (!data.ok) return failed(data.diagnostics);
  let statement: Statement;
  try {
    statement = settle(policy, data.dataset, { from: c.from, to: c.to });
  } catch (e) {
    if (e instanceof RatecardError) return failed(e.diagnostics);
    throw e;
  }
  const compared = (line: string) => !c.lines || c.lines.some((l) => l.id === line);
  const lines = compareLines(statement, c.expect, compared);
  for (const l of statement.lines) if (compared(l.line) && !Exact.parse(l.amount).isZero()) fired.add(l.trace.rule);
  const withheld = c.withheld ? compareWithheld(statement, c.withheld, compared) : [];
  return { name: c.name, location: c.location, passed: lines.every((l) => l.passed) && withheld.every((w) => w.passed), lines, withheld, diagnostics: [], statement };
}

/** A case without transactions, for a policy that pays on them, has none: an empty table. */
function withTransactions(tables: DatasetInput, policy: CompiledPolicy, at: SourceLocation): DatasetInput {
  const layout = policy.layout.transactions;
  if (tables.transactions || !layout) return tables;
  const header = [layout.id, 'payee_id', 'period', ...layout.fields.map((f) => f.name)];
  return { ...tables, transactions: { file: at.file, rows: [header], lines: [at.line], columns: [header.map(() => at.column)] } };
}

/** Expected lines in the test's order, then the unexpected ones in statement order. */
function compareLines(statement: Statement, expect: ExpectedLine[], compared: (line: string) => boolean): LineCheck[] {
  const actual = new Map<string, { period: string; payee: string; line: string; kind: LineKind; sum: Exact; text: string }>();
  for (const l of statement.lines) {
    if (!compared(l.line)) continue;
    const k = key(l.period, l.payeeId, l.line);
    const seen = actual.get(k);
    if (seen) { seen.sum = seen.sum.add(Exact.parse(l.amount)); seen.text = seen.sum.toString(); }
    else actual.set(k, { period: l.period, payee: l.payeeId, line: l.line, kind: l.kind, sum: Exact.parse(l.amount), text: l.amount });
  }
  const checks: LineCheck[] = expect.map((e) => {
    const a = actual.get(key(e.period, e.payee, e.line));
    actual.delete(key(e.period, e.payee, e.line));
    const present = a && !a.sum.isZero();
    const problem = !present
      ? (e.amount.isZero() ? undefined : 'missing line')
      : !a.sum.eq(e.amount) ? `expected ${e.written}, got ${a.text}`
        : e.kind && e.kind !== a.kind ? `expected kind \`${e.kind}\`, got \`${a.kind}\`` : undefined;
    return { period: e.period, payee: e.payee, line: e.line, kind: a?.kind ?? e.kind, expected: e.written, actual: present ? a.text : undefined, passed: !problem, problem, location: e.location };
  });
  for (const a of actual.values()) {
    if (!a.sum.isZero()) checks.push({ period: a.period, payee: a.payee, line: a.line, kind: a.kind, actual: a.text, passed: false, problem: 'unexpected line' });
  }
  return checks;
}

function compareWithheld(statement: Statement, expect: NonNullable<PolicyTestCase['withheld']>, compared: (line: string) => boolean): WithheldCheck[] {
  const actual = new Map(statement.withheld.filter((w) => compared(w.line)).map((w) => [key(w.period, w.payeeId, w.line), w]));
  const checks: WithheldCheck[] = expect.map((e) => {
    const a = actual.get(key(e.period, e.payee, e.line));
    actual.delete(key(e.period, e.payee, e.line));
    const problem = !a ? 'not withheld'
      : e.reason !== undefined && !a.reason.includes(e.reason) ? `expected a reason with \`${e.reason}\`, got \`${a.reason}\`` : undefined;
    return { period: e.period, payee: e.payee, line: e.line, reason: a?.reason, passed: !problem, problem, location: e.location };
  });
  for (const a of actual.values()) checks.push({ period: a.period, payee: a.payeeId, line: a.line, reason: a.reason, passed: false, problem: 'unexpectedly withheld' });
  return checks;
}

// Reads a policy test file (`<policy>.test.yaml`): YAML with positions, the test schema, then each
// case's inline tables as dataset rows that remember their line and column in the test file, so a
// bad cell is reported where it is written.
import { errorAt } from '../errors.js';
import { Exact } from '../exact/exact.js';
import type { DatasetInput, Diagnostic, LineKind, SourceLocation, SourceText, TableSource } from '../types.js';
import { readYaml, type Path, type YamlSource } from '../policy/yaml-source.js';
import { checkTestSchema } from './check-test-schema.js';

export interface ExpectedLine {
  period: string;
  payee: string;
  line: string;
  amount: Exact;
  /** The amount as written, for reports. */
  written: string;
  kind?: LineKind;
  location: SourceLocation;
}

export interface ExpectedWithheld {
  period: string;
  payee: string;
  line: string;
  reason?: string;
  location: SourceLocation;
}

export interface PolicyTestCase {
  name: string;
  description?: string;
  /** The case in other languages: language tag → title and description. */
  labels?: Record<string, { title?: string; description?: string }>;
  location: SourceLocation;
  /** The case's `params`, as a parameter file located in the test file. */
  overrides?: SourceText;
  from?: string;
  to?: string;
  tables: DatasetInput;
  /** Compare only these lines; undefined: all. */
  lines?: { id: string; location: SourceLocation }[];
  expect: ExpectedLine[];
  withheld?: ExpectedWithheld[];
}

export interface PolicyTestSuite {
  file: string;
  /** The `policy` key as written (a path relative to the test file), when given. */
  policy?: string;
  cases: PolicyTestCase[];
}

export type ReadTestsResult = { ok: true; suite: PolicyTestSuite } | { ok: false; diagnostics: Diagnostic[] };

type Doc = Record<string, unknown>;
type Row = Record<string, unknown>;

/** A cell as dataset text: exact numbers in decimal, the rest as written. */
const cellText = (v: unknown): string => (v === null || v === undefined ? '' : v instanceof Exact ? v.toString() : String(v));

export function readPolicyTests(source: SourceText): ReadTestsResult {
  const yaml = readYaml(source);
  const errors = yaml.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) return { ok: false, diagnostics: errors };
  const schema = checkTestSchema(yaml);
  if (schema.length) return { ok: false, diagnostics: schema };
  const doc = yaml.exact as Doc;
  const defaults = (doc.defaults ?? {}) as Record<string, Row | undefined>;
  const cases = (doc.cases as Doc[]).map((c, i): PolicyTestCase => {
    const at = (...path: Path) => yaml.locate(['cases', i, ...path]);
    const table = (name: 'payees' | 'facts' | 'transactions') =>
      tableOf(yaml, ['cases', i, name], c[name] as Row[], defaults[name] ?? {});
    return {
      name: String(c.name),
      description: c.description === undefined ? undefined : String(c.description).trim(),
      labels: c.labels as PolicyTestCase['labels'],
      location: at(),
      overrides: c.params ? overridesOf(yaml, source, ['cases', i, 'params']) : undefined,
      from: c.from as string | undefined,
      to: c.to as string | undefined,
      tables: { payees: table('payees'), facts: table('facts'), transactions: c.transactions ? table('transactions') : undefined },
      lines: (c.lines as string[] | undefined)?.map((id, j) => ({ id, location: at('lines', j) })),
      expect: (c.expect as Row[]).map((e, j) => ({
        period: String(e.period), payee: String(e.payee), line: String(e.line),
        amount: e.amount instanceof Exact ? e.amount : Exact.parse(String(e.amount)),
        written: writtenAt(yaml, ['cases', i, 'expect', j, 'amount']) ?? cellText(e.amount), kind: e.kind as LineKind | undefined, location: at('expect', j),
      })),
      withheld: (c.withheld as Row[] | undefined)?.map((w, j) => ({
        period: String(w.period), payee: String(w.payee), line: String(w.line),
        reason: w.reason === undefined ? undefined : String(w.reason), location: at('withheld', j),
      })),
    };
  });
  const duplicates = cases.flatMap(duplicateExpectations);
  if (duplicates.length) return { ok: false, diagnostics: duplicates };
  return { ok: true, suite: { file: source.file, policy: doc.policy as string | undefined, cases } };
}

/** An expected line given twice in a case: the second would always fail as missing. */
function duplicateExpectations(c: PolicyTestCase): Diagnostic[] {
  const first = new Map<string, SourceLocation>();
  return c.expect.flatMap((e) => {
    const key = `${e.period}/${e.payee}/${e.line}`;
    const seen = first.get(key);
    if (!seen) { first.set(key, e.location); return []; }
    return [errorAt(e.location, 'expect', `duplicate expected line \`${e.line}\` for \`${e.payee}\` in ${e.period}, first on line ${seen.line}`, 'duplicate-expectation')];
  });
}

/** A scalar's text as written in the file (`1.00`, not 1). */
function writtenAt(yaml: YamlSource, path: Path): string | undefined {
  const node = yaml.doc.getIn(path, true) as { source?: string } | undefined;
  return node?.source;
}

/**
 * Inline rows (maps) as a table: the header is every key in the order first seen (defaults
 * last), each row keeps its line and each cell the column of its value in the test file.
 */
function tableOf(yaml: YamlSource, path: Path, rows: Row[], defaults: Row): TableSource {
  const header: string[] = [];
  for (const row of [...rows, defaults]) for (const key of Object.keys(row)) if (!header.includes(key)) header.push(key);
  const head = yaml.locateKey(path);
  const lines = [head.line];
  const columns = [header.map(() => head.column)];
  const cells = rows.map((row, r) => {
    const at = yaml.locate([...path, r]);
    lines.push(at.line);
    columns.push(header.map((key) => (key in row ? yaml.locate([...path, r, key]).column : at.column)));
    return header.map((key) => cellText(key in row ? row[key] : defaults[key]));
  });
  return { file: yaml.file, rows: [header, ...cells], lines, columns };
}

/**
 * The case's `params` map as a parameter file: the test file with everything before the map
 * blanked, so the engine's messages about an override point at its line and column here.
 */
function overridesOf(yaml: YamlSource, source: SourceText, path: Path): SourceText {
  const node = yaml.doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
  const [start, end] = node?.range ?? [0, 0];
  return { file: source.file, text: source.text.slice(0, start).replace(/[^\n]/g, ' ') + source.text.slice(start, end) + '\n' };
}

// Loads a policy: YAML → JSON Schema → parameter overrides → semantic checks and compilation.
// Every problem of the file is reported at once, each with its file, line and column.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { compilePlan } from '../compile/compile-policy.js';
import type { Plan } from '../compile/plan.js';
import { plainValue } from '../compile/values.js';
import type { DataLayout } from '../data/dataset.js';
import { errorAt } from '../errors.js';
import type { Diagnostic, LineKind, ParamInfo, ParamType, ParamValue, SourceLocation, SourceText } from '../types.js';
import { checkSchema, firstSchemaError } from './check-schema.js';
import { mergeOverrides } from './overrides.js';
import type { ParamDeclaration, ScalarType } from './policy-document.js';
import { readYaml, type Path } from './yaml-source.js';
import { msg } from '../messages/msg.js';

export interface CompiledPolicy {
  id: string;
  name: string;
  version: string;
  description?: string;
  /** sha256 of the policy text and, when given, the overrides text: what a run was settled with. */
  hash: string;
  /** sha256 of the policy file alone. */
  sourceHash: string;
  source: SourceText;
  overrides?: SourceText;
  params: ParamInfo[];
  facts: { name: string; type: ScalarType; description?: string; unit?: string }[];
  metrics: { name: string; location: SourceLocation }[];
  rules: { id: string; kind: LineKind; description?: string; location: SourceLocation }[];
  layout: DataLayout;
  /** The evaluation plan; internal to the engine. */
  plan: Plan;
}

export type LoadResult =
  | { ok: true; policy: CompiledPolicy; warnings: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

const hex = (text: string) => bytesToHex(sha256(utf8ToBytes(text)));

export function loadPolicy(source: SourceText, options: { overrides?: SourceText } = {}): LoadResult {
  const yaml = readYaml(source);
  const warnings = yaml.diagnostics.filter((d) => d.severity === 'warning');
  const syntax = yaml.diagnostics.filter((d) => d.severity === 'error');
  if (syntax.length) return { ok: false, diagnostics: syntax };
  if (!yaml.exact || typeof yaml.exact !== 'object' || Array.isArray(yaml.exact)) {
    return { ok: false, diagnostics: [errorAt({ file: source.file, line: 1, column: 1 }, '', msg('policy.not-a-policy'), 'schema')] };
  }
  const schema = checkSchema(yaml);
  const doc = yaml.exact as Record<string, unknown>;

  let locate = yaml.locate;
  const diagnostics = [...schema.diagnostics];
  if (options.overrides) {
    const merged = mergeOverrides(doc, yaml, options.overrides);
    diagnostics.push(...merged.diagnostics);
    locate = merged.locate;
  }
  const compiled = compilePlan(doc, locate, schema.valid && !diagnostics.some((d) => d.severity === 'error'));
  diagnostics.push(...compiled.diagnostics);
  if (!schema.valid && !diagnostics.length) {
    const first = firstSchemaError(yaml);
    if (first) diagnostics.push(first);
  }
  if (diagnostics.length || !compiled.plan) return { ok: false, diagnostics: sortDiagnostics(diagnostics) };

  const plan = compiled.plan;
  const paramDocs = (doc.params ?? {}) as Record<string, ParamDeclaration>;
  const params: ParamInfo[] = [...plan.params].map(([name, value]) => {
    const d = paramDocs[name];
    return {
      name, type: d.type as ParamType, of: d.of, columns: d.columns, unit: d.unit, description: d.description,
      value: d.type === 'tiers' ? tiersAsWritten(d.value) : plainValue(value), location: locate(['params', name, 'value']),
    };
  });
  const factDocs = (doc.facts ?? {}) as Record<string, { type: ScalarType; description?: string; unit?: string }>;
  const sourceHash = hex(source.text);
  return {
    ok: true,
    warnings,
    policy: {
      id: plan.id, name: plan.name, version: plan.version, description: plan.description,
      hash: options.overrides ? hex(source.text + '\u0000' + options.overrides.text) : sourceHash,
      sourceHash,
      source, overrides: options.overrides,
      params,
      facts: Object.entries(factDocs).map(([name, d]) => ({ name, type: d.type, description: d.description, unit: d.unit })),
      metrics: plan.metrics.map((m) => ({ name: m.name, location: m.location })),
      rules: plan.rules.map((r) => ({ id: r.id, kind: r.kind, description: r.description, location: r.location })),
      layout: plan.layout,
      plan,
    },
  };
}

/** Every problem of a policy file (and its overrides), sorted by position; empty when valid. */
export function validatePolicy(source: SourceText, options: { overrides?: SourceText } = {}): Diagnostic[] {
  const result = loadPolicy(source, options);
  return result.ok ? result.warnings : result.diagnostics;
}

/**
 * Tier rows in the order the file (or the parameter file) has them: the plan sorts them by `min`,
 * but a form edits row i of the file, so ParamInfo must show row i of the file.
 */
function tiersAsWritten(rows: unknown): ParamValue {
  return (rows as Record<string, unknown>[]).map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, String(v)])));
}

function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1));
}

export type { Path };

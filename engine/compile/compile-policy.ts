// Checks a policy's meaning and compiles it into a Plan, in passes, one file each under passes/:
//   1. define-names: every name the policy defines, bound to how it is read;
//   2. compile-metrics: metrics, compiled on first use, cycles reported;
//   3. compile-named-conditions: named conditions, compiled on first use and shared;
//   4. compile-rules: rules in order (conditions, typed amounts, lines read only from earlier rules);
//   5. data-layout: the columns of the data files the policy reads;
//   6. generate-code: integer code per rule part, the closures kept as the reference.
// Passes 2–4 compile expressions in one scope (expression-scope.ts). All problems are collected
// with their source location; none stops the others.
import { errorAt } from '../errors.js';
import type { RoundingMode } from '../exact/exact.js';
import { monthIndex } from '../data/period.js';
import type { Diagnostic, SourceLocation } from '../types.js';
import type { Plan } from './plan.js';
import type { Ctx } from './runtime.js';
import { defineNames, type Path } from './passes/define-names.js';
import { metricPass } from './passes/compile-metrics.js';
import { expressionScope } from './passes/expression-scope.js';
import { namedConditionPass } from './passes/compile-named-conditions.js';
import { rulePass } from './passes/compile-rules.js';
import { dataLayout } from './passes/data-layout.js';
import { generateCode } from './passes/generate-code.js';
import { obj } from './passes/doc-object.js';
import type { Value } from './values.js';
import type { Text } from '../messages/message.js';

export type { Path };
/** Maps a path in the policy (and an offset inside a string there) to a source location. */
export type Locate = (path: Path, offset?: number, length?: number) => SourceLocation;

/**
 * `valid`: the document passed the schema (and its overrides merged cleanly). The closures are
 * compiled either way, for their diagnostics; integer code only for a policy that can be run.
 */
export function compilePlan(doc: Record<string, unknown>, locate: Locate, valid = true): { plan?: Plan; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const fieldOf = (path: Path) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
  const report = (message: Text, path: Path, offset?: number, length?: number) =>
    diagnostics.push(errorAt(locate(path, offset, length), fieldOf(path), message, 'semantic'));

  const names = defineNames(doc, report, fieldOf);
  // metrics compile through the scope, and the scope compiles a metric on its first use
  const scope = expressionScope(names.bindings, report, {
    ensure: (name, path, offset, length) => metrics.ensureMetric(name, path, offset, length),
    lines: (name) => metrics.metricLines.get(name),
  });
  const metrics = metricPass(doc, { ...names, ...scope, locate, report });
  metrics.compileAll();
  const conditions = namedConditionPass(doc, scope, report);
  const rules = rulePass({ doc, names, scope, conditions, locate, report });
  conditions.compileUnused();
  const layout = dataLayout(doc, names.factDecls, names.attributeDecls);
  if (diagnostics.length) return { diagnostics };
  // a policy with errors is never evaluated, and its document may lack what the last pass reads
  const month = valid ? generateCode(doc, rules, names, conditions, metrics.metrics) : undefined;

  const rounding = obj(doc.rounding);
  const effective = obj(doc.effective);
  const valueOf = (name: string, ctx: Ctx): Value | undefined => {
    const b = names.bindings.get(name);
    if (!b) return undefined;
    try {
      return b.fn(ctx);
    } catch {
      return undefined;
    }
  };
  return {
    diagnostics,
    plan: {
      id: String(doc.id), name: String(doc.name), version: String(doc.version),
      description: typeof doc.description === 'string' ? doc.description : undefined,
      layout,
      rounding: { scale: Number(rounding.scale ?? 2), mode: (rounding.mode ?? 'half-up') as RoundingMode },
      effective: {
        from: typeof effective.from === 'string' ? monthIndex(effective.from) : undefined,
        to: typeof effective.to === 'string' ? monthIndex(effective.to) : undefined,
      },
      params: names.params, metrics: metrics.metrics, rules, month, valueOf, lookback: scope.lookback, ledgerRules: scope.ledgerRules,
      linesOverWindows: scope.linesOverWindows,
    },
  };
}

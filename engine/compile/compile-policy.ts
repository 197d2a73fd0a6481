// Checks a policy's meaning and compiles it into a Plan, in passes: the names it defines
// (passes/define-names.ts), metrics compiled on first use with cycles reported
// (passes/compile-metrics.ts), named conditions, rules (amounts typed, the lines each reads
// checked to come before it), the data layout (passes/data-layout.ts), and last the integer
// code generated per rule part (integer/integer-plan.ts), the closures kept as the reference.
// All problems are collected with their source location; none stops the others.
import { errorAt } from '../errors.js';
import { Exact, type RoundingMode } from '../exact/exact.js';
import { monthIndex } from '../data/period.js';
import { ExpressionSyntaxError } from '../expression/ast.js';
import { parseExpression } from '../expression/parse-expression.js';
import type { Diagnostic, LineKind, SourceLocation } from '../types.js';
import { type Binding, compileExpression, type CompiledExpr } from './compile-expression.js';
import { compileCondition, type CompiledCondition } from './compile-condition.js';
import { compileAmount } from './compile-amount.js';
import type { CompiledRule, Plan } from './plan.js';
import type { Ctx } from './runtime.js';
import { suggest } from './suggest.js';
import { generateIntegerRules } from './integer/integer-plan.js';
import { defineNames, type Path } from './passes/define-names.js';
import { dataLayout } from './passes/data-layout.js';
import { metricPass } from './passes/compile-metrics.js';
import type { Value } from './values.js';
import { msg } from '../messages/msg.js';
import type { Text } from '../messages/message.js';

export type { Path };
/** Maps a path in the policy (and an offset inside a string there) to a source location. */
export type Locate = (path: Path, offset?: number, length?: number) => SourceLocation;

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Exact) ? (v as Record<string, unknown>) : {};

const RUNS: Record<string, (month: number) => boolean> = {
  monthly: () => true,
  quarterly: (m) => m % 3 === 0,
  yearly: (m) => m === 12,
};

/**
 * `valid`: the document passed the schema (and its overrides merged cleanly). The closures are
 * compiled either way, for their diagnostics; integer code only for a policy that can be run.
 */
export function compilePlan(doc: Record<string, unknown>, locate: Locate, valid = true): { plan?: Plan; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const fieldOf = (path: Path) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
  const report = (message: Text, path: Path, offset?: number, length?: number) =>
    diagnostics.push(errorAt(locate(path, offset, length), fieldOf(path), message, 'semantic'));

  // pass 1: every name the policy defines, bound to how it is read
  const { bindings, define, attributeDecls, factDecls, params, ruleDocs, ruleIndex } = defineNames(doc, report, fieldOf);
  let lookback = 0;
  /** Rules whose lines later months read from the ledger: refunds, clawbacks, lines over windows. */
  const ledgerRules = new Set<string>();

  // pass 2: metrics, compiled on first use (cycles reported)
  const metricsPass = metricPass(doc, {
    bindings, define, locate, report, linesOfNames: (names) => linesOfNames(names),
    scopeFor: (path, extra) => scopeFor(path, extra), expression: (text, path) => expression(text, path),
  });
  const { metrics, metricLines, ensureMetric } = metricsPass;

  const linesOfNames = (names: Iterable<string>) => {
    const out = new Set<string>();
    for (const n of names) {
      const b = bindings.get(n);
      if (b?.kind === 'rule') out.add(n);
      if (b?.kind === 'metric') metricLines.get(n)?.forEach((l) => out.add(l));
    }
    return out;
  };

  const scopeFor = (path: Path, extra?: Map<string, Binding>) => (name: string, start: number, end: number): Binding | undefined => {
    const local = extra?.get(name);
    if (local) return local;
    const b = bindings.get(name);
    if (!b) {
      const hyphenated = [...bindings.keys()].find((n) => n.startsWith(`${name}-`));
      if (hyphenated) {
        report(msg('compile.hyphenated-name', { name: hyphenated }), path, start, end - start);
        return undefined;
      }
      const candidates = [...bindings.keys(), ...(extra?.keys() ?? [])];
      const hint = suggest(name, candidates);
      report(msg('compile.unknown-name', { name, hint }), path, start, end - start);
      return undefined;
    }
    if (b.kind === 'metric' && !ensureMetric(name, path, start, end - start)) return undefined;
    return bindings.get(name);
  };

  function expression(text: unknown, path: Path, extra?: Map<string, Binding>): CompiledExpr | undefined {
    if (typeof text !== 'string' && !(text instanceof Exact)) { report(msg('compile.expected-expression'), path); return undefined; }
    const source = text instanceof Exact ? text.toString() : text;
    let tree;
    try {
      tree = parseExpression(source);
    } catch (e) {
      if (e instanceof ExpressionSyntaxError) { report(msg('compile.syntax-error', { detail: e.text }), path, e.start, e.end - e.start); return undefined; }
      throw e;
    }
    const compiled = compileExpression(tree, scopeFor(path, extra), (message, start, end) => report(message, path, start, end - start));
    if (compiled) lookback = Math.max(lookback, compiled.reach);
    compiled?.ledgerRules.forEach((r) => ledgerRules.add(r));
    return compiled;
  }

  metricsPass.compileAll();

  // named conditions
  const conditionDocs = obj(doc.conditions);
  const namedConditions = new Map<string, CompiledCondition | 'compiling' | 'failed'>();
  const conditionScope = (extra?: Map<string, Binding>) => ({
    resolve: (name: string, path: Path) => scopeFor(path, extra)(name, 0, 0),
    report: (message: Text, path: Path) => report(message, path),
    named: (name: string, path: Path): CompiledCondition | undefined => {
      if (!(name in conditionDocs)) { report(msg('compile.unknown-condition', { name, hint: suggest(name, Object.keys(conditionDocs)) }), path); return undefined; }
      const known = namedConditions.get(name);
      if (known === 'compiling') { report(msg('compile.condition-cycle', { name }), path); return undefined; }
      if (known) return known === 'failed' ? undefined : known;
      namedConditions.set(name, 'compiling');
      const c = compileCondition(conditionDocs[name], ['conditions', name], conditionScope());
      namedConditions.set(name, c ?? 'failed');
      return c;
    },
  });

  // rules
  const rules: CompiledRule[] = [];
  const compiledAmounts = new Map<string, CompiledRule['amount']>();
  ruleDocs.forEach((r, k) => {
    const path: Path = ['rules', k];
    const id = String(r.id ?? `rule ${k + 1}`);
    const runsIn = RUNS[String(r.frequency ?? 'monthly')] ?? RUNS.monthly;
    const names = new Set<string>();
    const when = r.when === undefined ? undefined : compileCondition(r.when, [...path, 'when'], conditionScope());
    const gate = r.gate === undefined ? undefined : compileCondition(r.gate, [...path, 'gate'], conditionScope());
    when?.names.forEach((n) => names.add(n));
    gate?.names.forEach((n) => names.add(n));
    const amount = compileAmount(r, path, {
      expression, report, bindings, ruleIndex, params, conditionScope,
      transactionFields: Object.entries(obj(obj(doc.transactions).fields)).map(([name, decl]) => ({ name, decl: obj(decl) })),
      scopeFor, compiledAmounts,
      ruleKinds: new Map(ruleDocs.map((d) => [String(d.id), String(d.kind)])),
    });
    if (!amount) return;
    compiledAmounts.set(id, amount.plan);
    if (amount.plan.type === 'refund') ledgerRules.add(id).add(amount.plan.of);
    if (amount.plan.type === 'clawback') ledgerRules.add(amount.plan.ofRule);
    amount.names.forEach((n) => names.add(n));
    // a rule may read only lines produced before it this month
    for (const line of linesOfNames(names)) {
      const j = ruleIndex.get(line)!;
      if (j >= k) {
        report(msg('compile.line-order', { id, line, itself: j === k }), [...path, 'id']);
      }
    }
    rules.push({
      index: k, id, kind: String(r.kind) as LineKind, description: typeof r.description === 'string' ? r.description : undefined,
      runsIn, when, gate, amount: amount.plan, location: locate(path), names,
    });
  });

  // the columns of the data files the policy reads
  const layout = dataLayout(doc, factDecls, attributeDecls);

  const rounding = obj(doc.rounding);
  const effective = obj(doc.effective);
  if (diagnostics.length) return { diagnostics };
  const valueOf = (name: string, ctx: Ctx): Value | undefined => {
    const b = bindings.get(name);
    if (!b) return undefined;
    try {
      return b.fn(ctx);
    } catch {
      return undefined;
    }
  };
  // the last pass: integer code per rule part, the closures above kept as the reference; a
  // policy with errors is never evaluated, and its document may lack what the pass reads
  if (valid && !diagnostics.some((d) => d.severity === 'error')) generateIntegerRules({
    doc, rules, rounding: { scale: Number(rounding.scale ?? 2), mode: String(rounding.mode ?? 'half-up') },
    scope: {
      binding: (name) => bindings.get(name),
      compile: (tree) => compileExpression(tree, (name) => bindings.get(name), () => {}),
      slot: (name) => {
        const fact = factDecls.findIndex(([n]) => n === name);
        if (fact >= 0) return { source: 'fact', index: fact, type: String(obj(factDecls[fact][1]).type ?? 'number') };
        const rule = ruleIndex.get(name);
        return rule === undefined ? undefined : { source: 'rule', index: rule, type: 'money' };
      },
      named: (name) => conditionDocs[name],
      compileCondition: (d) => compileCondition(d, ['(generated)'], conditionScope()),
    },
  });
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
      params, metrics, rules, valueOf, lookback, ledgerRules,
    },
  };
}

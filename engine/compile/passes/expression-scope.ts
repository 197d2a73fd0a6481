// What every pass compiles expressions with: names resolved at the path an expression is
// written (a rule's own names first, then the policy's; a metric compiled on first use; an
// unknown name reported with the nearest known one), and what all expressions read together —
// how many months back (`lookback`) and which rules' lines later months read from the ledger.
import { Exact } from '../../exact/exact.js';
import { ExpressionSyntaxError } from '../../expression/ast.js';
import { parseExpression } from '../../expression/parse-expression.js';
import { msg } from '../../messages/msg.js';
import type { Text } from '../../messages/message.js';
import { type Binding, compileExpression, type CompiledExpr } from '../compile-expression.js';
import { suggest } from '../suggest.js';
import type { Names, Path } from './define-names.js';

/** Metrics as the scope needs them: compiled on first use, and the lines each one reads. */
export interface MetricAccess {
  ensure: (name: string, path: Path, offset?: number, length?: number) => boolean;
  lines: (name: string) => Set<string> | undefined;
}

export interface ExpressionScope {
  scopeFor: (path: Path, extra?: Map<string, Binding>) => (name: string, start: number, end: number) => Binding | undefined;
  expression: (text: unknown, path: Path, extra?: Map<string, Binding>) => CompiledExpr | undefined;
  /** The lines of rules that `names` read, directly or through metrics. */
  linesOfNames: (names: Iterable<string>) => Set<string>;
  /** How many months before the one settled any expression reads. */
  lookback: number;
  /** Rules whose lines later months read from the ledger: refunds, clawbacks, lines over windows. */
  ledgerRules: Set<string>;
  /** Whether an expression reads lines over windows (the only reads of the ledger outside amounts). */
  linesOverWindows: boolean;
}

type Report = (message: Text, path: Path, offset?: number, length?: number) => void;

export function expressionScope(bindings: Names['bindings'], report: Report, metrics: MetricAccess): ExpressionScope {
  const scope: ExpressionScope = {
    lookback: 0,
    ledgerRules: new Set<string>(),
    linesOverWindows: false,
    linesOfNames: (names) => {
      const out = new Set<string>();
      for (const n of names) {
        const b = bindings.get(n);
        if (b?.kind === 'rule') out.add(n);
        if (b?.kind === 'metric') metrics.lines(n)?.forEach((l) => out.add(l));
      }
      return out;
    },
    scopeFor: (path, extra) => (name, start, end) => {
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
      if (b.kind === 'metric' && !metrics.ensure(name, path, start, end - start)) return undefined;
      return bindings.get(name);
    },
    expression: (text, path, extra) => {
      if (typeof text !== 'string' && !(text instanceof Exact)) { report(msg('compile.expected-expression'), path); return undefined; }
      const source = text instanceof Exact ? text.toString() : text;
      let tree;
      try {
        tree = parseExpression(source);
      } catch (e) {
        if (e instanceof ExpressionSyntaxError) { report(msg('compile.syntax-error', { detail: e.text }), path, e.start, e.end - e.start); return undefined; }
        throw e;
      }
      const compiled = compileExpression(tree, scope.scopeFor(path, extra), (message, start, end) => report(message, path, start, end - start));
      if (compiled) scope.lookback = Math.max(scope.lookback, compiled.reach);
      compiled?.ledgerRules.forEach((r) => scope.ledgerRules.add(r));
      if (compiled?.ledgerRules.size) scope.linesOverWindows = true;
      return compiled;
    },
  };
  return scope;
}

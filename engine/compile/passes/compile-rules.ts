// Pass 4 of compilation: the rules, in order. Each one's `when` and `gate`, its amount (typed,
// its primitives made formulas: compile-amount.ts), when it runs, and the check that it reads
// only lines produced before it this month. Refunds and clawbacks mark the rules whose lines
// later months read from the ledger.
import { msg } from '../../messages/msg.js';
import type { Text } from '../../messages/message.js';
import type { LineKind, SourceLocation } from '../../types.js';
import { compileAmount } from '../compile-amount.js';
import { compileCondition } from '../compile-condition.js';
import type { CompiledRule } from '../plan.js';
import type { Names, Path } from './define-names.js';
import { obj } from './doc-object.js';
import type { ExpressionScope } from './expression-scope.js';
import type { NamedConditions } from './compile-named-conditions.js';

const RUNS: Record<string, (month: number) => boolean> = {
  monthly: () => true,
  quarterly: (m) => m % 3 === 0,
  yearly: (m) => m === 12,
};

export interface RulePassInput {
  doc: Record<string, unknown>;
  names: Names;
  scope: ExpressionScope;
  conditions: NamedConditions;
  locate: (path: Path) => SourceLocation;
  report: (message: Text, path: Path) => void;
}

export function rulePass({ doc, names, scope, conditions, locate, report }: RulePassInput): CompiledRule[] {
  const { bindings, params, ruleDocs, ruleIndex } = names;
  const { conditionScope } = conditions;
  const rules: CompiledRule[] = [];
  const compiledAmounts = new Map<string, CompiledRule['amount']>();
  const transactionFields = Object.entries(obj(obj(doc.transactions).fields)).map(([name, decl]) => ({ name, decl: obj(decl) }));
  const ruleKinds = new Map(ruleDocs.map((d) => [String(d.id), String(d.kind)]));
  ruleDocs.forEach((r, k) => {
    const path: Path = ['rules', k];
    const id = String(r.id ?? `rule ${k + 1}`);
    const runsIn = RUNS[String(r.frequency ?? 'monthly')] ?? RUNS.monthly;
    const ruleNames = new Set<string>();
    const when = r.when === undefined ? undefined : compileCondition(r.when, [...path, 'when'], conditionScope());
    const gate = r.gate === undefined ? undefined : compileCondition(r.gate, [...path, 'gate'], conditionScope());
    when?.names.forEach((n) => ruleNames.add(n));
    gate?.names.forEach((n) => ruleNames.add(n));
    const amount = compileAmount(r, path, {
      expression: scope.expression, report, bindings, ruleIndex, params, conditionScope,
      transactionFields, scopeFor: scope.scopeFor, compiledAmounts, ruleKinds,
    });
    if (!amount) return;
    compiledAmounts.set(id, amount.plan);
    if (amount.plan.type === 'refund') scope.ledgerRules.add(id).add(amount.plan.of);
    if (amount.plan.type === 'clawback') scope.ledgerRules.add(amount.plan.ofRule);
    amount.names.forEach((n) => ruleNames.add(n));
    // a rule may read only lines produced before it this month
    for (const line of scope.linesOfNames(ruleNames)) {
      const j = ruleIndex.get(line)!;
      if (j >= k) {
        report(msg('compile.line-order', { id, line, itself: j === k }), [...path, 'id']);
      }
    }
    rules.push({
      index: k, id, kind: String(r.kind) as LineKind, description: typeof r.description === 'string' ? r.description : undefined,
      runsIn, when, gate, amount: amount.plan, location: locate(path), names: ruleNames,
    });
  });
  return rules;
}

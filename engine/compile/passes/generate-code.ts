// The last pass of compilation: integer code generated per rule part (integer/integer-plan.ts),
// the closures of the earlier passes kept as the reference it falls back to. It reads the
// policy's names as the passes bound them: facts and earlier lines by slot, named conditions
// from their documents (a leaf it cannot generate is compiled again as a closure).
import { compileExpression } from '../compile-expression.js';
import { compileCondition } from '../compile-condition.js';
import { generateIntegerRules } from '../integer/integer-plan.js';
import type { CompiledMetric, CompiledRule } from '../plan.js';
import type { MonthProgram } from '../integer/generate-month.js';
import type { Names } from './define-names.js';
import { obj } from './doc-object.js';
import type { NamedConditions } from './compile-named-conditions.js';

export function generateCode(doc: Record<string, unknown>, rules: CompiledRule[], names: Names, conditions: NamedConditions, metrics?: CompiledMetric[]): MonthProgram | undefined {
  const { bindings, factDecls, ruleIndex } = names;
  const { conditionDocs, conditionScope } = conditions;
  const rounding = obj(doc.rounding);
  return generateIntegerRules({
    doc, rules, metrics, rounding: { scale: Number(rounding.scale ?? 2), mode: String(rounding.mode ?? 'half-up') },
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
}

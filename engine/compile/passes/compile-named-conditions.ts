// Pass 3 of compilation: named conditions (`conditions:`), each compiled on its first use (in a
// rule's `when`, `gate` or `where`, or in another named condition) and then shared, with a
// cycle reported (`a` uses `b` uses `a`); after the rules, the ones nothing used, for their
// mistakes. The scope it gives is how every condition is compiled.
import { msg } from '../../messages/msg.js';
import type { Text } from '../../messages/message.js';
import type { Binding } from '../compile-expression.js';
import { compileCondition, type CompiledCondition, type ConditionScope } from '../compile-condition.js';
import { suggest } from '../suggest.js';
import type { Path } from './define-names.js';
import { obj } from './doc-object.js';
import type { ExpressionScope } from './expression-scope.js';

export interface NamedConditions {
  /** The written named conditions, by name (the integer code reads them again). */
  conditionDocs: Record<string, unknown>;
  /** The scope conditions compile in; `extra`: names of their own (a transaction's fields). */
  conditionScope: (extra?: Map<string, Binding>) => ConditionScope;
  /** Compiles the named conditions no rule used, so that their mistakes are reported too. */
  compileUnused: () => void;
}

export function namedConditionPass(doc: Record<string, unknown>, scope: ExpressionScope, report: (message: Text, path: Path) => void): NamedConditions {
  const conditionDocs = obj(doc.conditions);
  const namedConditions = new Map<string, CompiledCondition | 'compiling' | 'failed'>();
  const conditionScope = (extra?: Map<string, Binding>): ConditionScope => ({
    resolve: (name: string, path: Path) => scope.scopeFor(path, extra)(name, 0, 0),
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
  const compileUnused = () => {
    for (const name of Object.keys(conditionDocs)) if (!namedConditions.has(name)) conditionScope().named(name, ['conditions', name]);
  };
  return { conditionDocs, conditionScope, compileUnused };
}

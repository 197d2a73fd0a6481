// Compiles json-rules-engine conditions (all/any/not, named conditions, fact/operator/value)
// into synchronous closures with its semantics. Each part is compiled by its own file under
// condition/: groups (group.ts), `not` (negation.ts), named conditions (named-reference.ts) and
// leaves (fact-leaf.ts, with operators.ts, json-path.ts, months.ts); each gives a test, the
// failed leaves (the reason a line is not paid) and a trace of every value it saw.
import { msg } from '../messages/msg.js';
import type { Path } from './passes/define-names.js';
import type { CompiledCondition, ConditionNode, ConditionScope } from './condition/compiled-condition.js';
import { type ConditionBuilder, conditionBuilder } from './condition/condition-builder.js';
import { factLeaf } from './condition/fact-leaf.js';
import { group } from './condition/group.js';
import { namedReference } from './condition/named-reference.js';
import { negation } from './condition/negation.js';

export type { CompiledCondition, ConditionScope, FailedLeaf } from './condition/compiled-condition.js';
export { withoutResult } from './condition/trace-text.js';

/** One part of a condition, by its form: a group, a `not`, a named condition or a leaf. */
function node(cb: ConditionBuilder, d: unknown, path: Path): ConditionNode | undefined {
  if (!d || typeof d !== 'object' || Array.isArray(d)) { cb.report(msg('condition.expected-object'), path); return undefined; }
  const c = d as Record<string, unknown>;
  if ('all' in c) return group(cb, 'all', c, path);
  if ('any' in c) return group(cb, 'any', c, path);
  if ('not' in c) return negation(cb, c, path);
  if ('condition' in c) return namedReference(cb, c, path);
  return factLeaf(cb, c, path);
}

/** The condition written at `at`, or undefined when a part of it failed (each one reported). */
export function compileCondition(doc: unknown, at: (string | number)[], scope: ConditionScope): CompiledCondition | undefined {
  const cb = conditionBuilder(scope, node);
  const root = node(cb, doc, at);
  if (cb.failed || !root) return undefined;
  return { test: root.test, trace: root.trace, failed: root.failed, held: root.held, name: root.name, leaf: root.leaf, shape: root.shape, names: cb.names, readsLines: cb.readsLines, readsRank: cb.readsRank };
}

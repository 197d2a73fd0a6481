// The state of compiling one condition, shared by its parts: the names it reads, whether it
// reads lines or population values, and whether a part failed. A part that fails is reported
// where it is written and compiling goes on, so every problem is reported; the condition as a
// whole is then not compiled.
import type { Text } from '../../messages/message.js';
import type { Path } from '../passes/define-names.js';
import type { ConditionNode, ConditionScope, Get } from './compiled-condition.js';

export interface ConditionBuilder {
  scope: ConditionScope;
  names: Set<string>;
  readsLines: boolean;
  readsRank: boolean;
  failed: boolean;
  report: (message: Text, path: Path) => void;
  /** A name's reader, its name and what it reads recorded; undefined (and failed) if unknown. */
  lookup: (name: string, path: Path) => Get | undefined;
  /** Compiles a part of the condition (a group compiles its children with it). */
  node: (doc: unknown, path: Path) => ConditionNode | undefined;
}

export function conditionBuilder(
  scope: ConditionScope,
  node: (cb: ConditionBuilder, doc: unknown, path: Path) => ConditionNode | undefined,
): ConditionBuilder {
  const cb: ConditionBuilder = {
    scope,
    names: new Set<string>(),
    readsLines: false,
    readsRank: false,
    failed: false,
    report: (message, path) => { cb.failed = true; scope.report(message, path); },
    lookup: (name, path) => {
      const binding = scope.resolve(name, path);
      if (!binding) { cb.failed = true; return undefined; }
      cb.names.add(name);
      cb.readsLines ||= !!binding.readsLines;
      cb.readsRank ||= !!binding.readsRank;
      return binding.fn;
    },
    node: (doc, path) => node(cb, doc, path),
  };
  return cb;
}

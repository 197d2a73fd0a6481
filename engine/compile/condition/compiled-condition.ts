// What compiling a condition produces, and what it needs from the policy around it. Every part
// of a condition (a group, a `not`, a named reference, a fact leaf) compiles to a node with the
// same readings: `test`, `failed` (the failed leaves, for the reason a line is not paid),
// `trace` (every value it saw) and `held` (the steps that held, for an explanation).
import type { ConditionTrace, MessageData } from '../../types.js';
import type { Text } from '../../messages/message.js';
import type { Binding } from '../compile-expression.js';
import type { Ctx } from '../runtime.js';
import type { Value } from '../values.js';

export interface CompiledCondition {
  test: (ctx: Ctx) => boolean;
  trace: (ctx: Ctx, path: string) => ConditionTrace;
  /**
   * Evaluates like `test` and, when the condition fails, adds the failed leaves its trace would
   * show (`fee_ratio 0.96 ≥ fee_gate 0.98`, without ` → false`) as text made only when read.
   */
  failed: (ctx: Ctx, out: FailedLeaf[]) => boolean;
  /**
   * Evaluates like `test` and adds the English text of every step that held and was evaluated,
   * without its ` → true`: the `because …` of an explanation, with no trace made.
   */
  held: (ctx: Ctx, out: string[]) => boolean;
  /** The name its trace carries, and whether that trace is a single leaf (no children). */
  name?: string;
  leaf: boolean;
  /** Its structure as `held` walks it, for steps written from values computed elsewhere. */
  shape?: HeldShape;
  names: Set<string>;
  readsLines: boolean;
  readsRank: boolean;
}

export interface ConditionScope {
  resolve: (name: string, path: (string | number)[]) => Binding | undefined;
  report: (message: Text, path: (string | number)[]) => void;
  /** Named conditions (`{condition: name}`), compiled on demand. */
  named: (name: string, path: (string | number)[]) => CompiledCondition | undefined;
}

/** A failed leaf as a message (without its result), made on first read from the values it saw. */
export type FailedLeaf = () => MessageData;

/** A compiled part of a condition; `priority` orders it among its siblings. */
export type ConditionNode = Pick<CompiledCondition, 'test' | 'trace' | 'failed' | 'held' | 'name' | 'leaf' | 'shape'> & { priority: number };

/**
 * A condition as `held` walks it, for generated code that computes its values (the steps of an
 * explanation written from integers): children in the order evaluated; a leaf comparing two
 * numbers or two booleans read by name (no path, no months), its held text `pieces[0] + fact's
 * value + pieces[1] + value + pieces[2]`, `valueText` when the value is a constant; `labelled`
 * rewrites the texts of the steps inside it. Absent where a part has no such form.
 */
export type HeldShape =
  | { type: 'group'; all: boolean; children: HeldShape[] }
  | { type: 'not'; inner: HeldShape }
  | { type: 'labelled'; relabel: (text: string) => string; zhRelabel: (text: string) => string; inner: HeldShape }
  | {
    type: 'leaf'; doc: Record<string, unknown>; kind: 'number' | 'boolean'; pieces: string[]; valueText?: string;
    /** The held text in 简体中文 around the same two values, and the names whose units show them there (the fact, the value compared with). */
    zh: { pieces: string[]; fact: string; valueName?: string };
  };

/** Reads a value (a fact, a metric, a parameter…) for the payee and month being settled. */
export type Get = (ctx: Ctx) => Value | undefined;

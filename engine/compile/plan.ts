// The evaluation plan a policy compiles to: parameters made exact, metrics and rules as
// closures over a fixed fact layout. Built once, evaluated for every payee and month.
import type { RoundingMode } from '../exact/exact.js';
import type { DataLayout } from '../data/dataset.js';
import type { LineKind, SourceLocation } from '../types.js';
import type { CompiledCondition } from './compile-condition.js';
import type { CompiledExpr } from './compile-expression.js';
import type { Ctx, Fn } from './runtime.js';
import type { Schedule, TierRow, Value, ValueType } from './values.js';

export interface CompiledMetric {
  slot: number;
  name: string;
  type: ValueType;
  compute: Fn;
  /** Population rank: the metrics (or facts) to order by, read per payee before ranking. */
  rank?: { by: { name: string; value: Fn; order: 'asc' | 'desc' }[] };
  location: SourceLocation;
}

export interface Formula {
  /** As written, e.g. `billed_lines * maintenance_price`. */
  text: string;
  fn: Fn;
  render: (ctx: Ctx) => string;
  names: Set<string>;
}

export type AmountPlan =
  | { type: 'formula'; formula: Formula }
  | { type: 'tier'; table: TierRow[]; tableName: string; value: Formula; mode: 'reached' | 'marginal'; pay?: string; rate?: string; base?: Formula }
  | { type: 'refund'; of: string; schedule: Schedule; scheduleName: string }
  | {
      type: 'each';
      derive: { name: string; expr: CompiledExpr }[];
      where?: CompiledCondition;
      formula: Formula;
      roundEach: boolean;
    };

export interface CompiledRule {
  index: number;
  id: string;
  kind: LineKind;
  description?: string;
  /** Month of year (1–12) → whether the rule runs. */
  runsIn: (monthOfYear: number) => boolean;
  when?: CompiledCondition;
  gate?: CompiledCondition;
  amount: AmountPlan;
  location: SourceLocation;
  /** Every name the rule reads, for the trace's values. */
  names: Set<string>;
}

export interface Plan {
  id: string;
  name: string;
  version: string;
  description?: string;
  layout: DataLayout;
  rounding: { scale: number; mode: RoundingMode };
  effective: { from?: number; to?: number };
  params: Map<string, Value>;
  metrics: CompiledMetric[];
  rules: CompiledRule[];
  /** Reads a name's value for traces: fact, param, metric, line or builtin. */
  valueOf: (name: string, ctx: Ctx) => Value | undefined;
}

export const describeRounding = (r: Plan['rounding']) => `${r.mode} to ${r.scale} places`;

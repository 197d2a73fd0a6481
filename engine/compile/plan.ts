// The evaluation plan a policy compiles to: parameters made exact, metrics and rules as
// closures over a fixed fact layout. Built once, evaluated for every payee and month.
import type { RoundingMode } from '../exact/exact.js';
import type { DataLayout } from '../data/dataset.js';
import type { LineKind, SourceLocation } from '../types.js';
import type { CompiledCondition } from './compile-condition.js';
import type { CompiledExpr } from './compile-expression.js';
import type { PopulationMetric } from './compile-population.js';
import type { Ctx, Fn } from './runtime.js';
import type { Schedule, TierRow, Value, ValueType } from './values.js';
import type { IntegerRule } from './integer/integer-plan.js';
import type { MonthProgram } from './integer/generate-month.js';
import type { GeneratedRankKeys } from './integer/generate-rank-keys.js';

export interface CompiledMetric {
  slot: number;
  name: string;
  type: ValueType;
  compute: Fn;
  /** Population rank: the metrics (or facts) to order by, read per payee before ranking. */
  rank?: {
    by: { name: string; value: Fn; order: 'asc' | 'desc' }[];
    /** Generated reader of the keys in integers (the closures above are the reference). */
    integer?: GeneratedRankKeys;
  };
  /** Population aggregate: computed over all payees (of the payee's group) before settling. */
  population?: PopulationMetric;
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
      /** Shares of a group's total by weight, computed by the population pass (largest remainder). */
      type: 'allocate';
      total: Formula;
      weight: Formula;
      by?: { name: string; value: Fn };
    }
  | {
      /** Each transaction's total paid in parts in the months after it. */
      type: 'instalments';
      transaction: TransactionScope;
      total: Formula;
      parts: Formula;
      paidWhile?: CompiledExpr;
    }
  | {
      /** The parts an instalments rule paid on a transaction, taken back when its event falls this month. */
      type: 'clawback';
      transaction: TransactionScope;
      of: Extract<AmountPlan, { type: 'instalments' }>;
      ofRule: string;
      event: CompiledExpr;
      within?: CompiledExpr;
    }
  | {
      type: 'each';
      derive: { name: string; expr: CompiledExpr }[];
      where?: CompiledCondition;
      formula: Formula;
      roundEach: boolean;
    };

/** What a per-transaction rule computes for each transaction before its amount. */
export interface TransactionScope {
  derive: { name: string; expr: CompiledExpr }[];
  /** Slots of `part`, `parts` and `part_month` in the derived values (instalments only). */
  partSlots?: { part: number; parts: number; partMonth: number };
}

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
  /** Generated integer code for its parts (the closures above are the reference). */
  integer?: IntegerRule;
}

export interface Plan {
  id: string;
  name: string;
  version: string;
  description?: string;
  layout: DataLayout;
  rounding: { scale: number; mode: RoundingMode };
  effective: { from?: number; to?: number };
  /** Months before the first month of a year whose lines rules read (a line over the previous quarter). */
  lookback: number;
  params: Map<string, Value>;
  /** Rules whose entries in the ledger are read (refunds, clawbacks, lines over windows): only those are kept. */
  ledgerRules: Set<string>;
  /**
   * Whether an expression reads earlier months' lines from the ledger (`sum(line, previous_quarter)`):
   * else no condition, metric or formula does, and reasons made later keep no ledger.
   */
  linesOverWindows: boolean;
  metrics: CompiledMetric[];
  rules: CompiledRule[];
  /** The rules generated whole as one function per month (amounts detail), when any is. */
  month?: MonthProgram;
  /** Reads a name's value for traces: fact, param, metric, line or builtin. */
  valueOf: (name: string, ctx: Ctx) => Value | undefined;
}

export const describeRounding = (r: Plan['rounding']) => `${r.mode} to ${r.scale} places`;

// The policy file as written, in TypeScript. schema.ts is the source of truth;
// test/engine/policy/schema-types.test.ts checks that every object here has exactly the
// properties the schema gives it (the `*Keys` records below make tsc check the other half).

export type ScalarType = 'rate' | 'ratio' | 'money' | 'count' | 'integer' | 'number';
/** Facts, transaction fields and payee attributes may also be text or months. */
export type FieldType = ScalarType | 'text' | 'month';
/** Localized text by language tag (`zh-CN`). */
export type Labels = Record<string, { title?: string; description?: string; unit?: string }>;
export type ParamTypeName = ScalarType | 'map' | 'list' | 'tiers' | 'schedule';
export type Frequency = 'monthly' | 'quarterly' | 'yearly';
/** Expression text; a bare number (`amount: 2000`) is an expression too. */
export type Expression = string | number;
export type Operator =
  | 'equal' | 'notEqual' | 'lessThan' | 'lessThanInclusive' | 'greaterThan' | 'greaterThanInclusive'
  | 'in' | 'notIn' | 'contains' | 'doesNotContain';

export interface PolicyDocument {
  id: string;
  name: string;
  version: string | number;
  description?: string;
  labels?: Labels;
  /** The fact holding a payee's revenue (the editor's compensation as a share of revenue). */
  revenue?: string;
  applies_to: { channel_type: string[]; attributes?: Record<string, string[]> };
  effective?: { from?: string; to?: string };
  rounding?: { scale?: number; mode?: 'half-up' | 'half-even' | 'down' | 'up' | 'floor' | 'ceiling' };
  attributes?: Record<string, FieldDeclaration>;
  facts?: Record<string, FieldDeclaration>;
  transactions?: { id: string; fields: Record<string, FieldDeclaration> };
  params?: Record<string, ParamDeclaration>;
  conditions?: Record<string, ConditionDocument>;
  metrics?: Record<string, MetricDocument>;
  rules: RuleDocument[];
}

export interface FieldDeclaration { type: FieldType; optional?: boolean; description?: string; unit?: string; labels?: Labels }

export interface ParamDeclaration {
  type: ParamTypeName;
  of?: ScalarType;
  columns?: Record<string, ScalarType>;
  value: unknown;
  description?: string;
  unit?: string;
  labels?: Labels;
}

export type ConditionDocument =
  | { all: ConditionDocument[]; name?: string; priority?: number }
  | { any: ConditionDocument[]; name?: string; priority?: number }
  | { not: ConditionDocument; name?: string; priority?: number }
  | { condition: string; name?: string; priority?: number }
  | FactCondition;

export interface FactCondition {
  fact: string;
  operator: Operator;
  value: unknown;
  path?: string;
  name?: string;
  priority?: number;
  params?: Record<string, unknown>;
}

export type MetricDocument =
  | Expression
  | { expr: Expression; description?: string; unit?: string; labels?: Labels }
  | { rank: { by: { metric: string; order: 'asc' | 'desc' }[] }; description?: string; labels?: Labels }
  | { population: PopulationDocument; description?: string; unit?: string; labels?: Labels };

/** One aggregate (`sum`, `avg`, `min`, `max` of a number, `count` of a true/false) over the month's payees, by group. */
export type PopulationDocument = { by?: string } & ({ sum: string } | { avg: string } | { min: string } | { max: string } | { count: string });

export type AmountDocument =
  | Expression
  | { percent_of: { rate: Expression; base: Expression } }
  | { per_unit: { price: Expression; units: Expression } }
  | { step_deduction: { base: Expression; shortfall: Expression; step: Expression; rate: Expression; cap?: Expression } }
  | { tier: { table: string; value: Expression; mode?: 'reached' | 'marginal'; pay?: string; rate?: string; base?: Expression } }
  | { refund: { of: string; schedule: string } }
  | { allocate: { total: Expression; weight: Expression; by?: string } }
  | { instalments: { total: Expression; parts: Expression; paid_while?: Expression } }
  | { clawback: { of: string; event: Expression; within?: Expression } };

export interface RuleDocument {
  id: string;
  kind: 'commission' | 'deduction' | 'refund' | 'bonus';
  description?: string;
  labels?: Labels;
  frequency?: Frequency;
  when?: ConditionDocument;
  gate?: ConditionDocument;
  for_each?: 'transactions';
  derive?: Record<string, Expression>;
  where?: ConditionDocument;
  round?: 'line' | 'each';
  amount: AmountDocument;
}

type Keys<T> = { [K in keyof Required<T>]: true };
export const policyDocumentKeys: Keys<PolicyDocument> = {
  id: true, name: true, version: true, description: true, labels: true, revenue: true, applies_to: true, effective: true, rounding: true,
  attributes: true, facts: true, transactions: true, params: true, conditions: true, metrics: true, rules: true,
};
export const ruleDocumentKeys: Keys<RuleDocument> = {
  id: true, kind: true, description: true, labels: true, frequency: true, when: true, gate: true, for_each: true,
  derive: true, where: true, round: true, amount: true,
};
export const paramDeclarationKeys: Keys<ParamDeclaration> = {
  type: true, of: true, columns: true, value: true, description: true, unit: true, labels: true,
};
export const factConditionKeys: Keys<FactCondition> = {
  fact: true, operator: true, value: true, path: true, name: true, priority: true, params: true,
};

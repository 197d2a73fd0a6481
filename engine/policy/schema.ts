// The JSON Schema (2020-12) of a policy file. It is the single source of the policy's shape:
// the TypeScript types are derived from it (policy-document.ts) and policies/policy.schema.json
// is generated from it (a test keeps the file in step). Only keywords that both ajv and
// yaml-language-server read are used: no unevaluatedProperties, no dependentSchemas.

const identifier = { type: 'string', pattern: '^[a-z][a-z0-9_]*$' } as const;
const decimal = { type: 'number' } as const;
const scalarType = {
  enum: ['rate', 'ratio', 'money', 'count', 'integer', 'number'],
  description: 'rate: a share between 0 and 1 (shown as a percentage); ratio: a non-negative multiple such as 1.30; money: yuan; count: whole units ≥ 0; integer; number.',
} as const;
const period = { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'A month, YYYY-MM.' } as const;
const expression = {
  type: ['string', 'number'], // `amount: 2000` is an expression too
  minLength: 1,
  description: 'A safe arithmetic expression over facts, params, metrics and earlier lines, e.g. `billed_lines * maintenance_price`. Functions: min, max, floor, ceil, abs, if, len, sum/avg/every/some(name, window). Windows: month, quarter_to_date, quarter, year_to_date, year, quarter_ends.',
} as const;
const paramDoc = {
  description: { type: 'string', description: 'What the parameter means, shown beside its input in the editor.' },
  unit: { type: 'string', description: 'Unit shown with the value, e.g. `yuan per billed line`.' },
} as const;

export const policySchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://ratecard.dev/schema/policy.schema.json',
  title: 'Ratecard policy',
  description: 'A channel-compensation policy: parameters, metrics and rules that produce statement lines.',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'version', 'applies_to', 'rules'],
  properties: {
    id: { ...identifier, pattern: '^[a-z][a-z0-9-]*$', description: 'Stable policy id, used in every statement line, e.g. `rural-contract`.' },
    name: { type: 'string', minLength: 1, description: 'Human name of the policy.' },
    version: { type: ['string', 'integer'], description: 'Version of the policy, recorded with every settlement run.' },
    description: { type: 'string' },
    applies_to: {
      type: 'object',
      additionalProperties: false,
      required: ['channel_type'],
      description: 'Which payees the policy pays.',
      properties: {
        channel_type: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 }, description: 'Channel types (payees.csv `channel_type`) the policy applies to.' },
        attributes: {
          type: 'object',
          description: 'Further payee attributes that must match, e.g. `{region: [north, east]}`.',
          additionalProperties: { type: 'array', items: { type: 'string' } },
        },
      },
    },
    effective: {
      type: 'object',
      additionalProperties: false,
      description: 'The months the policy is in force; outside them it produces no lines.',
      properties: { from: period, to: period },
    },
    rounding: {
      type: 'object',
      additionalProperties: false,
      description: 'How each statement line is rounded, once, when it is produced.',
      properties: {
        scale: { type: 'integer', minimum: 0, maximum: 6, description: 'Decimal places, 2 for cents.' },
        mode: { enum: ['half-up', 'half-even', 'down', 'up', 'floor', 'ceiling'], description: 'half-up rounds halves away from zero (四舍五入).' },
      },
    },
    facts: {
      type: 'object',
      description: 'The monthly facts the policy reads, one column each in facts.csv.',
      propertyNames: identifier,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['type'],
        properties: { type: scalarType, ...paramDoc },
      },
    },
    transactions: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'fields'],
      description: 'Per-transaction records (transactions.csv) that `for_each: transactions` rules pay on.',
      properties: {
        id: { ...identifier, description: 'The column that identifies a transaction, e.g. `line_id`.' },
        fields: {
          type: 'object',
          propertyNames: identifier,
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            required: ['type'],
            properties: { type: scalarType, ...paramDoc },
          },
        },
      },
    },
    params: {
      type: 'object',
      description: 'Named parameters policy owners adjust; a parameter file overrides their values.',
      propertyNames: identifier,
      additionalProperties: { $ref: '#/$defs/param' },
    },
    conditions: {
      type: 'object',
      description: 'Named conditions that rules reuse with `{condition: name}`.',
      propertyNames: identifier,
      additionalProperties: { $ref: '#/$defs/condition' },
    },
    metrics: {
      type: 'object',
      description: 'Derived values per payee and month, computed once and shared by every rule.',
      propertyNames: identifier,
      additionalProperties: { $ref: '#/$defs/metric' },
    },
    rules: {
      type: 'array',
      minItems: 1,
      description: 'Rules in order; each produces at most one statement line per payee and month.',
      items: { $ref: '#/$defs/rule' },
    },
  },
  $defs: {
    param: {
      type: 'object',
      required: ['type', 'value'],
      properties: {
        type: { enum: ['rate', 'ratio', 'money', 'count', 'integer', 'number', 'map', 'list', 'tiers', 'schedule'] },
        of: { ...scalarType, description: 'Element type of a map or list.' },
        columns: {
          type: 'object',
          description: 'Column types of a tier list; `min` (and optionally `max`) bound each tier.',
          additionalProperties: scalarType,
        },
        value: { description: 'The value; a parameter file replaces it.' },
        ...paramDoc,
      },
      additionalProperties: false,
      oneOf: [
        { properties: { type: { enum: ['rate', 'ratio', 'money', 'count', 'integer', 'number'] }, value: decimal } },
        { properties: { type: { const: 'map' }, value: { type: 'object', additionalProperties: decimal } }, required: ['of'] },
        { properties: { type: { const: 'list' }, value: { type: 'array', items: decimal } }, required: ['of'] },
        {
          properties: {
            type: { const: 'tiers' },
            value: { type: 'array', minItems: 1, items: { type: 'object', required: ['min'], additionalProperties: decimal } },
          },
          required: ['columns'],
        },
        {
          properties: {
            type: { const: 'schedule' },
            value: {
              type: 'object',
              description: 'Checkpoint month (1–12) → source quarter (Q1–Q4) → share returned.',
              // patternProperties, not propertyNames: months are YAML integers, and
              // yaml-language-server checks no pattern on a key that is not a string
              patternProperties: {
                '^([1-9]|1[0-2])$': { type: 'object', patternProperties: { '^Q[1-4]$': decimal }, additionalProperties: false },
              },
              additionalProperties: false,
            },
          },
        },
      ],
    },
    condition: {
      description: 'A json-rules-engine condition: {all: [...]}, {any: [...]}, {not: ...}, {condition: name} or {fact, operator, value}.',
      type: 'object',
      oneOf: [
        { type: 'object', required: ['all'], properties: { all: { type: 'array', items: { $ref: '#/$defs/condition' } }, name: { type: 'string' }, priority: { type: 'integer' } }, additionalProperties: false },
        { type: 'object', required: ['any'], properties: { any: { type: 'array', items: { $ref: '#/$defs/condition' } }, name: { type: 'string' }, priority: { type: 'integer' } }, additionalProperties: false },
        { type: 'object', required: ['not'], properties: { not: { $ref: '#/$defs/condition' }, name: { type: 'string' }, priority: { type: 'integer' } }, additionalProperties: false },
        { type: 'object', required: ['condition'], properties: { condition: identifier, name: { type: 'string' }, priority: { type: 'integer' } }, additionalProperties: false },
        {
          type: 'object',
          required: ['fact', 'operator', 'value'],
          additionalProperties: false,
          properties: {
            fact: { type: 'string', description: 'A fact, param, metric or earlier line.' },
            operator: {
              enum: ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn', 'contains', 'doesNotContain'],
            },
            value: {
              description: 'A literal, or {fact: name} to compare with another fact, param or metric.',
              anyOf: [
                { type: ['number', 'string', 'boolean', 'array', 'null'] },
                { type: 'object', required: ['fact'], additionalProperties: false, properties: { fact: { type: 'string' }, path: { type: 'string' } } },
              ],
            },
            path: { type: 'string', description: 'JSONPath into the fact, e.g. `$.mobile`.' },
            name: { type: 'string', description: 'Shown in traces, e.g. `veto (一票否决)`.' },
            priority: { type: 'integer' },
            params: { type: 'object' },
          },
        },
      ],
    },
    metric: {
      description: 'An expression, or {expr, description}, or a population rank {rank: {by: [...]}}.',
      anyOf: [
        expression,
        {
          type: 'object',
          additionalProperties: false,
          required: ['expr'],
          properties: { expr: expression, description: { type: 'string' }, unit: { type: 'string' } },
        },
        {
          type: 'object',
          additionalProperties: false,
          required: ['rank'],
          properties: {
            description: { type: 'string' },
            rank: {
              type: 'object',
              additionalProperties: false,
              required: ['by'],
              description: 'Rank of the payee among all payees of the policy in the month, 1 = first; ties fall to payee_id.',
              properties: {
                by: {
                  type: 'array',
                  minItems: 1,
                  items: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['metric', 'order'],
                    properties: { metric: identifier, order: { enum: ['asc', 'desc'] } },
                  },
                },
              },
            },
          },
        },
      ],
    },
    amount: {
      description: 'An expression, or one structured primitive.',
      anyOf: [
        expression,
        {
          type: 'object', additionalProperties: false, required: ['percent_of'],
          properties: { percent_of: { type: 'object', additionalProperties: false, required: ['rate', 'base'], properties: { rate: expression, base: expression } } },
        },
        {
          type: 'object', additionalProperties: false, required: ['per_unit'],
          properties: { per_unit: { type: 'object', additionalProperties: false, required: ['price', 'units'], properties: { price: expression, units: expression } } },
        },
        {
          type: 'object', additionalProperties: false, required: ['step_deduction'],
          properties: {
            step_deduction: {
              type: 'object', additionalProperties: false, required: ['base', 'shortfall', 'step', 'rate'],
              description: 'base × min(cap, rate × floor(shortfall / step)): each full step of shortfall deducts rate of the base.',
              properties: { base: expression, shortfall: expression, step: expression, rate: expression, cap: expression },
            },
          },
        },
        {
          type: 'object', additionalProperties: false, required: ['tier'],
          properties: {
            tier: {
              type: 'object', additionalProperties: false, required: ['table', 'value'],
              description: 'reached: the highest tier whose min ≤ value pays its `pay` column (or its `rate` × base). marginal: each band pays its rate on the part of value inside it.',
              properties: {
                table: identifier,
                value: expression,
                mode: { enum: ['reached', 'marginal'] },
                pay: identifier,
                rate: identifier,
                base: expression,
              },
            },
          },
        },
        {
          type: 'object', additionalProperties: false, required: ['refund'],
          properties: {
            refund: {
              type: 'object', additionalProperties: false, required: ['of', 'schedule'],
              description: 'Returns a share of the deductions of rule `of` per source quarter, as the schedule says for this checkpoint month; each quarter at most once.',
              properties: { of: identifier, schedule: identifier },
            },
          },
        },
      ],
    },
    rule: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'kind', 'amount'],
      properties: {
        id: { ...identifier, description: 'The statement line name.' },
        kind: { enum: ['commission', 'deduction', 'refund', 'bonus'], description: 'Deductions are written as positive amounts and posted negative.' },
        description: { type: 'string' },
        frequency: { enum: ['monthly', 'quarterly', 'yearly'], description: 'monthly (月末核算), quarter-end months (季末结算) or December (年终清算).' },
        when: { $ref: '#/$defs/condition', description: 'When the rule applies at all; when false there is simply no line.' },
        gate: { $ref: '#/$defs/condition', description: 'A gate or veto: when false the line is withheld, and the statement says why.' },
        for_each: { const: 'transactions', description: 'Pay per transaction of the payee in the month, then sum.' },
        derive: { type: 'object', propertyNames: identifier, additionalProperties: expression, description: 'Per-transaction values, with for_each.' },
        where: { $ref: '#/$defs/condition', description: 'Per-transaction condition, with for_each; failing transactions are flagged and earn nothing.' },
        round: { enum: ['line', 'each'], description: 'each: round every transaction before summing.' },
        amount: { $ref: '#/$defs/amount' },
      },
    },
  },
} as const;

// The JSON Schema (2020-12) of a policy file. It is the single source of the policy's shape:
// the TypeScript types are derived from it (policy-document.ts) and policies/policy.schema.json
// is generated from it (a test keeps the file in step). Only keywords that both ajv and
// yaml-language-server read are used: no unevaluatedProperties, no dependentSchemas.

const identifier = { type: 'string', pattern: '^[a-z][a-z0-9_]*$' } as const;
/** Data columns may be named as the operator's files name them (`Fee-Rate`): conditions read any such name, expressions those without `-`. */
const columnName = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]*$' } as const;
const decimal = { type: 'number' } as const;
const scalarType = {
  enum: ['rate', 'ratio', 'money', 'count', 'integer', 'number'],
  description: 'rate: a share between 0 and 1 (shown as a percentage); ratio: a non-negative multiple such as 1.30; money: yuan; count: whole units ≥ 0; integer; number.',
} as const;
const fieldType = {
  enum: ['rate', 'ratio', 'money', 'count', 'integer', 'number', 'text', 'month'],
  description: 'A numeric type as for parameters, or text (a product code, a grade, a team) or month (YYYY-MM, compared and added as months).',
} as const;
const period = { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'A month, YYYY-MM.' } as const;
const expression = {
  type: ['string', 'number'], // `amount: 2000` is an expression too
  minLength: 1,
  description: 'A safe arithmetic expression over facts, attributes, params, metrics and earlier lines, e.g. `billed_lines * maintenance_price`. Functions: min, max, floor, ceil, abs, round(x, places), if, len, has(name), sum/avg/every/some(name, window). Windows: month, quarter_to_date, quarter, year_to_date, year, quarter_ends, previous_month, previous_quarter, earlier_this_quarter, earlier_this_year, last_N_months (N = 2..36). A line over a window (`sum(piece_wage, earlier_this_year)`) reads what the payee was paid.',
} as const;
const labels = {
  type: 'object',
  description: 'Localized text by language tag, e.g. `{zh-CN: {title: 代维酬金单价, description: ..., unit: 元/户}}`; the editor, traces and documents show the text of the reader\'s language.',
  propertyNames: { pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' },
  additionalProperties: {
    type: 'object',
    additionalProperties: false,
    properties: { title: { type: 'string' }, description: { type: 'string' }, unit: { type: 'string' } },
  },
} as const;
const paramDoc = {
  description: { type: 'string', description: 'What the parameter means, shown beside its input in the editor.' },
  unit: { type: 'string', description: 'Unit shown with the value, e.g. `yuan per billed line`.' },
  labels,
} as const;
const field = {
  type: 'object',
  additionalProperties: false,
  required: ['type'],
  properties: {
    type: fieldType,
    optional: { type: 'boolean', description: 'An empty cell is allowed: the value is absent, tested with `has(name)`.' },
    ...paramDoc,
  },
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
    labels,
    revenue: { ...identifier, description: 'The fact holding a payee\'s revenue of the month, e.g. `revenue_actual`: the editor shows compensation as a share of it (酬金占收比).' },
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
    attributes: {
      type: 'object',
      description: 'Payee attributes the policy reads (columns of payees.csv beyond payee_id and channel_type), e.g. `team: {type: text}`; usable in conditions, expressions and `by` of population metrics.',
      propertyNames: columnName,
      additionalProperties: field,
    },
    facts: {
      type: 'object',
      description: 'The monthly facts the policy reads, one column each in facts.csv.',
      propertyNames: columnName,
      additionalProperties: field,
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
          propertyNames: columnName,
          additionalProperties: field,
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
        { properties: { type: { enum: ['rate', 'ratio', 'money', 'count', 'integer', 'number'] }, value: decimal }, required: ['type'] },
        { properties: { type: { const: 'map' }, value: { type: 'object', additionalProperties: decimal } }, required: ['type', 'of'] },
        { properties: { type: { const: 'list' }, value: { type: 'array', items: decimal } }, required: ['type', 'of'] },
        {
          properties: {
            type: { const: 'tiers' },
            value: { type: 'array', minItems: 1, items: { type: 'object', properties: { min: decimal }, required: ['min'], additionalProperties: decimal } },
          },
          required: ['type', 'columns'],
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
          required: ['type'],
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
          properties: { expr: expression, description: { type: 'string' }, unit: { type: 'string' }, labels },
        },
        {
          type: 'object',
          additionalProperties: false,
          required: ['population'],
          properties: {
            description: { type: 'string' },
            unit: { type: 'string' },
            labels,
            population: {
              type: 'object',
              additionalProperties: false,
              description: 'An aggregate over all payees of the policy in the month (optionally of the payee\'s group `by` an attribute), computed before any payee is settled: sum, avg, min or max of a number, or count of the payees where a true/false fact or metric holds.',
              properties: {
                sum: identifier, avg: identifier, min: identifier, max: identifier, count: identifier,
                by: { ...identifier, description: 'A text attribute or fact that groups payees, e.g. `team`.' },
              },
              oneOf: [
                { required: ['sum'] }, { required: ['avg'] }, { required: ['min'] }, { required: ['max'] }, { required: ['count'] },
              ],
            },
          },
        },
        {
          type: 'object',
          additionalProperties: false,
          required: ['rank'],
          properties: {
            description: { type: 'string' },
            labels,
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
        {
          type: 'object', additionalProperties: false, required: ['allocate'],
          properties: {
            allocate: {
              type: 'object', additionalProperties: false, required: ['total', 'weight'],
              description: 'Shares `total` (the same for every payee of a group) among the payees of the group for whom the rule applies and its gate holds, in proportion to `weight`, by the largest-remainder method at the rounding scale (ties by payee id), so the shares add up exactly to the total.',
              properties: {
                total: expression,
                weight: expression,
                by: { ...identifier, description: 'A text attribute or fact that groups payees (e.g. `team`); without it, all payees of the policy share one total.' },
              },
            },
          },
        },
        {
          type: 'object', additionalProperties: false, required: ['instalments'],
          properties: {
            instalments: {
              type: 'object', additionalProperties: false, required: ['total', 'parts'],
              description: 'With for_each: each transaction\'s total (rounded once) is paid in `parts` monthly parts in the months after its own: every part but the last is total / parts rounded down, the last takes the rest. Part k falls due in the k-th month after the transaction and is paid only when `paid_while` holds then (it reads `part`, `parts` and `part_month`).',
              properties: { total: expression, parts: expression, paid_while: expression },
            },
          },
        },
        {
          type: 'object', additionalProperties: false, required: ['clawback'],
          properties: {
            clawback: {
              type: 'object', additionalProperties: false, required: ['of', 'event'],
              description: 'With for_each: when a transaction\'s `event` month (e.g. `churned_in`) is this month, and at most `within` months after the transaction, the parts the `instalments` rule `of` paid on it in earlier months are taken back.',
              properties: { of: identifier, event: expression, within: expression },
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
        labels,
        frequency: { enum: ['monthly', 'quarterly', 'yearly'], description: 'monthly (月末核算), quarter-end months (季末结算) or December (年终清算).' },
        when: { $ref: '#/$defs/condition', description: 'When the rule applies at all; when false there is simply no line.' },
        gate: { $ref: '#/$defs/condition', description: 'A gate or veto: when false the line is withheld, and the statement says why.' },
        for_each: { const: 'transactions', description: 'Pay per transaction of the payee in the month, then sum (with `instalments` or `clawback`: per transaction of earlier months).' },
        derive: { type: 'object', propertyNames: identifier, additionalProperties: expression, description: 'Per-transaction values, with for_each.' },
        where: { $ref: '#/$defs/condition', description: 'Per-transaction condition, with for_each; failing transactions are flagged and earn nothing.' },
        round: { enum: ['line', 'each'], description: 'each: round every transaction before summing.' },
        amount: { $ref: '#/$defs/amount' },
      },
    },
  },
} as const;

// The JSON Schema (2020-12) of a policy test file, `<policy>.test.yaml`: named cases, each with a
// few payees, facts and transactions written inline, and the lines the policy must produce.

const period = { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'A month, YYYY-MM.' } as const;
const cell = { type: ['string', 'number', 'boolean'] } as const;
const rows = (description: string) => ({
  type: 'array',
  description,
  items: { type: 'object', additionalProperties: cell },
}) as const;
const defaults = (description: string) => ({ type: 'object', description, additionalProperties: cell }) as const;
const amount = {
  type: ['number', 'string'],
  pattern: '^-?\\d+(\\.\\d+)?$',
  description: 'The line\'s amount in yuan, signed as on the statement (deductions negative), e.g. `-4.50`.',
} as const;
const lineRef = {
  period,
  payee: { type: 'string', minLength: 1, description: 'The payee id (payees `payee_id`).' },
  line: { type: 'string', minLength: 1, description: 'The line: a rule id of the policy.' },
} as const;

export const policyTestSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://ratecard.dev/schema/policy-test.schema.json',
  title: 'Ratecard policy tests',
  description: 'Named cases for one policy: given payees, facts and transactions, the lines it must produce.',
  type: 'object',
  additionalProperties: false,
  required: ['cases'],
  properties: {
    policy: { type: 'string', minLength: 1, description: 'The policy file, relative to this file (default: this file\'s name without `.test`).' },
    defaults: {
      type: 'object',
      additionalProperties: false,
      description: 'Cells every row of a table has unless the row sets them.',
      properties: {
        payees: defaults('e.g. `{channel_type: rural_contract}`'),
        facts: defaults('e.g. facts that are 0 unless a row says otherwise'),
        transactions: defaults('cells of every transaction row'),
      },
    },
    cases: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'payees', 'facts', 'expect'],
        properties: {
          name: { type: 'string', minLength: 1, description: 'What the case shows, e.g. `a month under plan deducts 2% per full step`.' },
          description: { type: 'string' },
          labels: {
            type: 'object',
            description: 'The case in other languages, as a policy\'s labels: `{zh-CN: {title, description}}`; the policy document shows the reader\'s language.',
            propertyNames: { pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' },
            additionalProperties: { type: 'object', additionalProperties: false, properties: { title: { type: 'string' }, description: { type: 'string' } } },
          },
          params: { type: 'object', description: 'Parameter overrides for this case, deep-merged over the policy\'s values as `--params` does.' },
          from: period,
          to: period,
          payees: rows('Rows of payees: `payee_id`, `channel_type` and attributes.'),
          facts: rows('Rows of monthly facts: `period`, `payee_id` and the facts the policy declares.'),
          transactions: rows('Rows of transactions, for policies that pay per transaction.'),
          lines: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            description: 'Compare only these lines (rule ids); others the case produces are not checked. Default: every line.',
          },
          expect: {
            type: 'array',
            description: 'Every line the case must produce (of the compared lines): lines with other amounts, missing lines and unexpected lines fail. A line\'s amount is the sum of its amounts in the period; zero lines are absent.',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['period', 'payee', 'line', 'amount'],
              properties: {
                ...lineRef,
                amount,
                kind: { enum: ['commission', 'deduction', 'refund', 'bonus'], description: 'The line\'s kind, checked when given.' },
              },
            },
          },
          withheld: {
            type: 'array',
            description: 'Lines a gate or veto must withhold (checked when given).',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['period', 'payee', 'line'],
              properties: { ...lineRef, reason: { type: 'string', description: 'Text the withheld reason must contain.' } },
            },
          },
        },
      },
    },
  },
} as const;

// Schemas of what the routes answer, for the OpenAPI description (answers are written as they
// are, never filtered by these). Tests check real answers against them, so they cannot drift.
import { base, period, ref, sharedSchemas } from './common.js';

const amount = { type: 'string', pattern: '^-?\\d+(\\.\\d+)?$', description: 'An exact decimal, e.g. `-905.38`.' } as const;
const kind = { enum: ['commission', 'deduction', 'refund', 'bonus'] } as const;
const text = { type: 'string' } as const;

const totals = {
  $id: `${base}totals.json`,
  type: 'object',
  required: ['total', 'byKind'],
  properties: {
    total: amount,
    byKind: { type: 'object', required: ['commission', 'deduction', 'refund', 'bonus'], properties: { commission: amount, deduction: amount, refund: amount, bonus: amount } },
  },
} as const;

const lineTrace = {
  $id: `${base}line-trace.json`,
  type: 'object',
  required: ['rule', 'location', 'values', 'conditions'],
  description: 'Why a line has its amount: the rule, every value it read, its conditions with values, the formula with numbers, tiers, refunds and adjustments.',
  properties: {
    rule: text, description: text, location: { type: 'object' }, values: { type: 'object', additionalProperties: text },
    conditions: { type: 'array', items: { type: 'object' } }, formula: { type: 'object' }, items: { type: 'array' },
    refunds: { type: 'array' }, tier: { type: 'object' }, adjusts: { type: 'object' },
  },
} as const;

const lineFields = { id: text, period, payeeId: text, policy: text, line: text, kind, amount } as const;

const statementLine = {
  $id: `${base}statement-line.json`,
  type: 'object',
  required: ['id', 'period', 'payeeId', 'policy', 'line', 'kind', 'amount'],
  description: 'One line of a statement; posted lines also carry `runId` and `adjustment`.',
  properties: { ...lineFields, explanation: text, trace: ref('line-trace'), runId: text, adjustment: { type: 'boolean' } },
} as const;

const withheld = {
  $id: `${base}withheld-item.json`,
  type: 'object',
  required: ['id', 'period', 'payeeId', 'policy', 'line', 'kind', 'reason', 'trace'],
  description: 'A line a gate, veto or floor withheld: it pays nothing; `wouldPay` is what it would have paid.',
  properties: { ...lineFields, reason: text, wouldPay: amount, trace: ref('line-trace') },
} as const;

const statement = {
  $id: `${base}statement.json`,
  type: 'object',
  required: ['policy', 'from', 'to', 'lines', 'withheld', 'totals'],
  properties: {
    policy: { type: 'object', required: ['id', 'version', 'hash'], properties: { id: text, version: text, hash: text } },
    from: period, to: period,
    lines: { type: 'array', items: ref('statement-line') },
    withheld: { type: 'array', items: ref('withheld-item') },
    totals: ref('totals'),
  },
} as const;

const run = {
  $id: `${base}run.json`,
  type: 'object',
  required: ['id', 'policyId', 'policyVersion', 'policyHash', 'sourceHash', 'factsHash', 'from', 'to', 'startedBy', 'startedAt', 'lineCount', 'adjustmentCount', 'totals', 'unchanged'],
  description: 'A settlement run: what it was settled with (policy and data hashes, overrides) and what it posted.',
  properties: {
    id: text, policyId: text, policyVersion: text, policyHash: text, sourceHash: text, overrides: text, factsHash: text,
    from: period, to: period, startedBy: text, startedAt: { type: 'string', format: 'date-time' },
    lineCount: { type: 'integer' }, adjustmentCount: { type: 'integer' }, totals: ref('totals'), unchanged: { type: 'boolean' },
  },
} as const;

/** Every schema routes refer to: requests' and answers'. */
export const allSchemas: { $id: string }[] = [...sharedSchemas, totals, lineTrace, statementLine, withheld, statement, run];

/** What each route answers on success. */
export const answers = {
  statement: ref('statement'),
  run: ref('run'),
  runs: { type: 'object', required: ['runs'], properties: { runs: { type: 'array', items: ref('run') } } },
  settled: {
    type: 'object',
    required: ['run', 'unchanged', 'lines', 'adjustments'],
    properties: { run: ref('run'), unchanged: { type: 'boolean' }, lines: { type: 'array', items: ref('statement-line') }, adjustments: { type: 'array', items: ref('statement-line') } },
  },
  posted: {
    type: 'object',
    required: ['policyId', 'totals', 'lines'],
    properties: {
      policyId: text, payeeId: text, from: period, to: period, totals: ref('totals'), lines: { type: 'array', items: ref('statement-line') },
      page: {
        type: 'object', required: ['offset', 'limit', 'total', 'nextOffset'], description: 'Which lines this page holds: `total` lines match, `nextOffset` (null on the last page) asks for the next.',
        properties: { offset: { type: 'integer' }, limit: { type: 'integer' }, total: { type: 'integer' }, nextOffset: { type: ['integer', 'null'] } },
      },
    },
  },
  closed: { type: 'object', required: ['policyId', 'period', 'closed'], properties: { policyId: text, period, closed: { type: 'array', items: period } } },
} as const;

// Request schemas of the settlement-store routes: settle, close, runs and statements.
import { period, policyId, policyWithData } from './common.js';

/** The most lines one JSON page of a statement carries. */
export const MAX_PAGE = 10_000;

export const settleBody = {
  type: 'object',
  additionalProperties: false,
  required: ['policy', 'dataset', 'from', 'to'],
  description: 'Settle and post a run: closed periods in the range get adjustment lines in the first open period.',
  properties: { ...policyWithData, startedBy: { type: 'string', minLength: 1, maxLength: 200, description: 'Who started the run (default `api`).' } },
} as const;

export const closeBody = {
  type: 'object',
  additionalProperties: false,
  required: ['policyId', 'period'],
  description: 'Close a period of a policy: its posted lines never change again.',
  properties: { policyId, period, closedBy: { type: 'string', minLength: 1, maxLength: 200, description: 'Who closed it (default `api`).' } },
} as const;

export const runsQuery = { type: 'object', additionalProperties: false, properties: { policyId } } as const;

export const runParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 200 } } } as const;

export const statementParams = { type: 'object', required: ['policyId'], properties: { policyId } } as const;

export const statementQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    payee: { type: 'string', minLength: 1, description: 'One payee\'s lines.' },
    from: period,
    to: period,
    format: { enum: ['json', 'csv'], description: 'JSON with traces (default) or CSV.' },
    limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE, description: `JSON: at most this many lines (default and most ${MAX_PAGE}); \`page.nextOffset\` asks for the next page.` },
    offset: { type: 'integer', minimum: 0, description: 'JSON: skip this many lines first (default 0).' },
  },
} as const;

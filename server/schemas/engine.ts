// Request schemas of the routes that only run the engine: validate, simulate, explain, diff.
import { period, policyWithData, ref } from './common.js';

const body = (required: string[], properties: Record<string, unknown>, description: string) =>
  ({ type: 'object', additionalProperties: false, required, properties, description }) as const;

export const validateBody = body(['policy'], {
  policy: policyWithData.policy,
  overrides: policyWithData.overrides,
  dataset: { ...ref('dataset'), description: 'When given, the dataset is checked against the policy too.' },
}, 'A policy (and optionally parameter overrides and a dataset) to check.');

export const simulateBody = body(['policy', 'dataset'], {
  ...policyWithData,
  payee: { type: 'string', minLength: 1, description: 'Only this payee\'s lines (totals are of those lines).' },
  detail: { enum: ['trace', 'explanation', 'amounts'], description: 'What each line carries: its full trace and explanation (default), the explanation only, or the amount only.' },
}, 'Settle without posting anything: the statement with traces, withheld items and totals.');

export const explainBody = body(['policy', 'dataset', 'payee', 'period'], {
  policy: policyWithData.policy,
  overrides: policyWithData.overrides,
  dataset: policyWithData.dataset,
  payee: { type: 'string', minLength: 1 },
  period,
  line: { type: 'string', minLength: 1, description: 'A rule id, e.g. `refund`; every line of the month when absent.' },
}, 'Why a payee got an amount: the lines of one payee and month with conditions and formulas.');

const version = { type: 'object', additionalProperties: false, required: ['policy'], properties: { policy: policyWithData.policy, overrides: policyWithData.overrides } } as const;

export const diffBody = body(['before', 'after', 'dataset'], {
  before: version,
  after: version,
  dataset: policyWithData.dataset,
  from: period,
  to: period,
  top: { type: 'integer', minimum: 1, maximum: 1000, description: 'How many gainers and losers (default 10).' },
}, 'Two policy versions settled over the same dataset, compared in total, by kind, by payee and by line.');

// Shared request schemas (JSON Schema 2020-12): a text file, a table, a policy given inline, by
// bundled id or as a document checked by the engine's policySchema, and a dataset. Each has an
// `$id`, so routes refer to it and the OpenAPI description lists it once under components.
import { policySchema } from '../../engine/index.js';
import { explainPattern } from '../errors.js';

export const base = 'https://ratecard.dev/schema/server/';
export const ref = (name: string) => ({ $ref: `${base}${name}.json` });

export const period = { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'A month, YYYY-MM.' } as const;
explainPattern(period.pattern, 'expected a month, `YYYY-MM`');
export const policyId = { type: 'string', pattern: '^[a-z][a-z0-9-]*$', maxLength: 100, description: 'A policy id, e.g. `rural-contract`.' } as const;

const sourceText = {
  $id: `${base}source-text.json`,
  type: 'object',
  additionalProperties: false,
  required: ['file', 'text'],
  description: 'A text file: its name (shown in every message about it) and its content.',
  properties: {
    file: { type: 'string', minLength: 1, maxLength: 500, description: 'e.g. `overrides.yaml`' },
    text: { type: 'string' },
  },
} as const;

const table = {
  $id: `${base}table.json`,
  type: 'object',
  additionalProperties: false,
  required: ['file'],
  description: 'A CSV table: its text, or rows already split (header first) with optional original line numbers.',
  properties: {
    file: { type: 'string', minLength: 1, maxLength: 500, description: 'e.g. `facts.csv`' },
    text: { type: 'string' },
    rows: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
    lines: { type: 'array', items: { type: 'integer', minimum: 1 } },
  },
  oneOf: [{ required: ['text'] }, { required: ['rows'] }],
} as const;

const policy = {
  $id: `${base}policy-input.json`,
  type: 'object',
  additionalProperties: false,
  description: 'A policy: its YAML `text` (with a `file` name), the `id` of a bundled policy in policies/, or a policy `document` as JSON.',
  properties: {
    file: { type: 'string', minLength: 1, maxLength: 500, description: 'Name shown in messages, e.g. `rural-contract.yaml`.' },
    text: { type: 'string', description: 'The policy YAML.' },
    id: { ...policyId, description: 'A bundled policy, e.g. `rural-contract`.' },
    document: { $ref: policySchema.$id },
  },
  oneOf: [{ required: ['text'] }, { required: ['id'] }, { required: ['document'] }],
} as const;

const dataset = {
  $id: `${base}dataset.json`,
  type: 'object',
  additionalProperties: false,
  required: ['payees', 'facts'],
  description: 'The data a policy settles: payees.csv, facts.csv and, for per-transaction rules, transactions.csv.',
  properties: { payees: ref('table'), facts: ref('table'), transactions: ref('table') },
} as const;

const diagnostic = {
  $id: `${base}diagnostic.json`,
  type: 'object',
  required: ['file', 'line', 'column', 'field', 'message'],
  properties: {
    file: { type: 'string', description: 'The policy, overrides or data file; or `body`, `query`, `url`, `headers` for the request itself.' },
    line: { type: 'integer' }, column: { type: 'integer' }, endLine: { type: 'integer' }, endColumn: { type: 'integer' },
    field: { type: 'string' }, message: { type: 'string' }, severity: { enum: ['error', 'warning'] }, code: { type: 'string' },
  },
} as const;

const errorBody = {
  $id: `${base}error.json`,
  type: 'object',
  required: ['error', 'diagnostics'],
  description: 'Every error: a short reason and the located problems.',
  properties: {
    error: { type: 'string' },
    message: { type: 'string', description: 'One sentence for people: the first problem\'s message, or a summary.' },
    diagnostics: { type: 'array', items: ref('diagnostic') },
    currentVersion: { type: ['string', 'null'], description: 'A save\'s conflict: the version the policy file is now (null: deleted).' },
  },
} as const;

/** The request schemas routes refer to, the policy schema first. */
export const sharedSchemas: { $id: string }[] = [policySchema, sourceText, table, policy, dataset, diagnostic, errorBody];

/** Component names in the OpenAPI description: `policy`, `source-text`, `dataset`, ... */
export const componentName = (id: string) => id === policySchema.$id ? 'policy' : id.slice(base.length).replace(/\.json$/, '');

/** OpenAPI security of a write: the bearer token, or the editor's session cookie. */
export const writeSecurity: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];

/** What a policy-with-data request carries. */
export const policyWithData = {
  policy: ref('policy-input'),
  overrides: { ...ref('source-text'), description: 'A YAML map of parameter overrides, deep-merged over the policy\'s values.' },
  dataset: ref('dataset'),
  from: period,
  to: period,
} as const;

const ERRORS: Record<number, string> = {
  400: 'The request does not match its schema (each diagnostic names the field and points into the body)',
  401: 'Missing or wrong bearer token (or editor session)',
  403: 'A request from another origin, or a host name this server does not answer to',
  404: 'No such run, policy, version, dataset or line',
  409: 'The settlement store refuses (a period already closed, not settled, or closed out of order), or the policy file changed since the edit began',
  413: 'The body is over the server\'s limit',
  422: 'The policy, overrides or data have problems: located diagnostics',
  500: 'A save that did not happen: nothing of it was kept, the previous version is still in place',
  503: 'The server runs without a settlement store, is too busy, or another process holds the policy\'s lock',
  504: 'The request ran past its deadline and was stopped',
};

/** OpenAPI responses of a route: what success answers, and the errors it can give (all `{error, diagnostics}`). */
export function responses(description: string, errors: number[], ok: { status?: number; schema?: object } = {}): Record<string, object> {
  return {
    [ok.status ?? 200]: { description, ...ok.schema },
    ...Object.fromEntries([...new Set([400, 403, 413, ...errors])].sort().map((code) => [code, { description: ERRORS[code], ...ref('error') }])),
  };
}

// Request schemas of the editor's API (/api): policy file names, versions, saves, datasets.
import { POLICY_FILE_PATTERN, POLICY_FILE_RULE } from '../../editor/server/policy-files.js';
import { explainPattern } from '../errors.js';

const VERSION = '^[0-9a-f]{64}$';
const ONE_LINE = '^[^\\r\\n]*\\S[^\\r\\n]*$';
const SAFE_NAME = '^[a-z0-9-]{1,100}$';
const TABLE_NAME = '^[a-z0-9_-]{1,100}(\\.csv)?$';
explainPattern(POLICY_FILE_PATTERN, (name) => `bad policy file name ${name}: ${POLICY_FILE_RULE}`);
explainPattern(VERSION, (version) => `bad version ${version}: expected 64 lowercase hex digits (the sha256 of the text)`);
explainPattern(ONE_LINE, 'must be one line, not blank');
explainPattern(SAFE_NAME, (name) => `bad dataset name ${name}: expected at most 100 lowercase letters, digits and dashes`);
explainPattern(TABLE_NAME, (name) => `bad table name ${name}: expected e.g. \`payees\` or \`facts\``);

const file = { type: 'string', pattern: POLICY_FILE_PATTERN, description: 'A policy file directly in the policies folder, e.g. `rural-contract.yaml`.' } as const;
const version = { type: 'string', pattern: VERSION, description: 'A version of a policy text: the sha256 hex of its UTF-8 bytes.' } as const;

export const fileParams = { type: 'object', required: ['file'], properties: { file } } as const;
export const versionParams = { type: 'object', required: ['file', 'version'], properties: { file, version } } as const;
export const diffQuery = { type: 'object', additionalProperties: false, required: ['from', 'to'], properties: { from: version, to: version } } as const;

export const textBody = {
  type: 'object', required: ['text'], properties: { text: { type: 'string', description: 'The policy YAML.' } },
  description: 'A policy text to check, as the file would be named.',
} as const;

export const saveBody = {
  type: 'object',
  additionalProperties: false,
  required: ['text', 'author', 'message'],
  description: 'Save a policy: the new text, the version the edit started from (null for a new file), who and why.',
  properties: {
    text: { type: 'string' },
    baseVersion: { type: ['string', 'null'], pattern: VERSION, description: 'The version the edit started from; null (or absent) for a new file.' },
    author: { type: 'string', minLength: 1, maxLength: 200, pattern: ONE_LINE },
    message: { type: 'string', minLength: 1, maxLength: 5000, pattern: '\\S' },
    impact: {
      type: 'object',
      description: 'The impact of the change the person saw before saving (totals before, after and their difference, the largest payee changes, the threshold and whether it was confirmed): recorded with the history entry.',
      maxProperties: 20,
    },
  },
} as const;
explainPattern('\\S', 'must not be blank');

export const tableParams = {
  type: 'object', required: ['name', 'table'],
  properties: { name: { type: 'string', pattern: SAFE_NAME }, table: { type: 'string', pattern: TABLE_NAME } },
} as const;

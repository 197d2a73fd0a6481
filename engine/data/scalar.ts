// Checks one value against a declared scalar type and makes it exact; returns the message
// (lowercase, value in backticks) when it does not fit or is beyond the limits of written numbers.
import { decimalInputProblem, Exact } from '../exact/exact.js';
import { shortText } from '../exact/limits.js';
import type { ScalarType } from '../policy/policy-document.js';

export const SCALAR_EXPECTATIONS: Record<ScalarType, string> = {
  rate: 'a rate between 0 and 1',
  ratio: 'a non-negative number',
  money: 'an amount of money',
  count: 'a whole number ≥ 0',
  integer: 'a whole number',
  number: 'a number',
};

/** The same, for many values: `expected a list of ${SCALAR_PLURALS.rate}`. */
export const SCALAR_PLURALS: Record<ScalarType, string> = {
  rate: 'rates between 0 and 1',
  ratio: 'non-negative numbers',
  money: 'amounts of money',
  count: 'whole numbers ≥ 0',
  integer: 'whole numbers',
  number: 'numbers',
};

export function checkScalar(text: string, type: ScalarType): Exact | string {
  const expected = SCALAR_EXPECTATIONS[type];
  if (text === '') return `expected ${expected}, got an empty cell`;
  const problem = decimalInputProblem(text);
  if (problem) return problem;
  const value = Exact.tryParse(text);
  if (value === undefined) return `expected ${expected}, got \`${shortText(text)}\``;
  if (type === 'rate' && (value.sign() < 0 || value.gt(Exact.ONE))) return `expected ${expected}, got \`${text}\``;
  if (type === 'ratio' && value.sign() < 0) return `expected ${expected}, got \`${text}\``;
  if ((type === 'count' || type === 'integer') && !value.isInteger()) return `expected ${expected}, got \`${text}\``;
  if (type === 'count' && value.sign() < 0) return `expected ${expected}, got \`${text}\``;
  return value;
}

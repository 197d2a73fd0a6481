// Checks one value against a declared scalar type and makes it exact; returns the message
// (lowercase, value in backticks) when it does not fit or is beyond the limits of written numbers.
import { decimalInputProblem, Exact } from '../exact/exact.js';
import { shortText } from '../exact/limits.js';
import type { ScalarType } from '../policy/policy-document.js';
import type { MessageData } from '../types.js';
import { msg } from '../messages/msg.js';
import { render } from '../messages/render.js';

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

const scalarExpected = (type: ScalarType) => msg('param.scalar', { type });

/** The value, or the message saying why `text` is not of `type` (the limits on written numbers included). */
export function checkScalarMessage(text: string, type: ScalarType): Exact | MessageData {
  if (text === '') return msg('data.expected-scalar', { expected: scalarExpected(type) });
  const problem = decimalInputProblem(text);
  if (problem) return problem;
  const value = Exact.tryParse(text);
  if (value === undefined) return msg('data.expected-scalar', { expected: scalarExpected(type), got: shortText(text) });
  const bad = (type === 'rate' && (value.sign() < 0 || value.gt(Exact.ONE)))
    || (type === 'ratio' && value.sign() < 0)
    || ((type === 'count' || type === 'integer') && !value.isInteger())
    || (type === 'count' && value.sign() < 0);
  return bad ? msg('data.expected-scalar', { expected: scalarExpected(type), got: text }) : value;
}

/** The same, with the message in English. */
export function checkScalar(text: string, type: ScalarType): Exact | string {
  const checked = checkScalarMessage(text, type);
  return checked instanceof Exact ? checked : render(checked);
}

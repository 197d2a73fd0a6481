// json-rules-engine's operators with its semantics: `equal` is strict equality, numeric
// operators are false for a non-number fact, `in` looks the fact up in the value, `contains`
// the value in the fact.
import { Exact } from '../../exact/exact.js';
import type { Value } from '../values.js';

export type Operator = (a: Value | undefined, b: Value | undefined) => boolean;

export const NUMERIC = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);

export const same = (a: Value | undefined, b: Value | undefined) =>
  a instanceof Exact && b instanceof Exact ? a.eq(b) : a === b;

/**
 * Numeric operators take numbers, and text that reads as one (`"10.5"` from a text column), as
 * json-rules-engine's number check does; anything else is false.
 */
function numeric(v: Value | undefined): Exact | undefined {
  if (v instanceof Exact) return v;
  return typeof v === 'string' ? Exact.tryParse(v.trim()) : undefined;
}
const compareWith = (test: (c: number) => boolean): Operator => (a, b) => {
  const x = numeric(a), y = numeric(b);
  return !!x && !!y && test(x.cmp(y));
};

export const OPERATORS: Record<string, Operator> = {
  equal: (a, b) => same(a, b),
  notEqual: (a, b) => !same(a, b),
  lessThan: compareWith((c) => c < 0),
  lessThanInclusive: compareWith((c) => c <= 0),
  greaterThan: compareWith((c) => c > 0),
  greaterThanInclusive: compareWith((c) => c >= 0),
  in: (a, b) => Array.isArray(b) && (b as Value[]).some((x) => same(a, x)),
  notIn: (a, b) => Array.isArray(b) && !(b as Value[]).some((x) => same(a, x)),
  contains: (a, b) => Array.isArray(a) && (a as Value[]).some((x) => same(x, b)),
  doesNotContain: (a, b) => Array.isArray(a) && !(a as Value[]).some((x) => same(x, b)),
};

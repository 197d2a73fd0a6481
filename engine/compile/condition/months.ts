// Month facts hold month indexes: a written month compared with one is read as its index, and
// a trace shows indexes as `YYYY-MM`.
import { Exact } from '../../exact/exact.js';
import { monthIndex, periodOf } from '../../data/period.js';
import { formatValue, type Value } from '../values.js';

/** A written month (`2025-02`, or a list of them) as the month index a month fact holds. */
export function monthLiteral(v: Value): Value {
  if (Array.isArray(v)) return (v as Value[]).map(monthLiteral) as Value;
  const m = typeof v === 'string' ? monthIndex(v) : undefined;
  return m === undefined ? v : Exact.of(m);
}

export function showMonths(v: Value | undefined): string {
  if (Array.isArray(v)) return `[${(v as Value[]).map(showMonths).join(', ')}]`;
  return v instanceof Exact && v.isInteger() ? periodOf(v.toNumber()) : formatValue(v);
}

// Runtime values of expressions and conditions, their static types, and how traces print them.
import { Exact } from '../exact/exact.js';
import type { Text } from '../messages/message.js';
import { renderText } from '../messages/render.js';

export type TierRow = Record<string, Exact>;
/** Checkpoint month (1–12) → source quarter (1–4) → share. */
export type Schedule = Map<number, Map<number, Exact>>;
export type Value = Exact | boolean | string | Exact[] | Record<string, Exact> | TierRow[] | Schedule;

export type ValueType = 'number' | 'boolean' | 'string' | 'map' | 'list' | 'tiers' | 'schedule';

export function formatValue(v: Value | undefined): string {
  if (v === undefined) return '(none)';
  if ((v as unknown) === null) return 'null'; // a YAML null a user wrote where a value belongs
  if (v instanceof Exact) return v.toString();
  if (typeof v === 'boolean' || typeof v === 'string') return String(v);
  if (v instanceof Map) {
    return '{' + [...v].map(([m, qs]) => `${m}: {${[...qs].map(([q, s]) => `Q${q}: ${s}`).join(', ')}}`).join(', ') + '}';
  }
  if (Array.isArray(v)) return '[' + (v as unknown[]).map((x) => x instanceof Exact ? x.toString() : formatValue(x as Value)).join(', ') + ']';
  return '{' + Object.entries(v).map(([k, x]) => `${k}: ${x}`).join(', ') + '}';
}

/** JSON-friendly form for the editor and JSON output: decimals as strings. */
export function plainValue(v: Value): import('../types.js').ParamValue {
  if (v instanceof Exact) return v.toString();
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return v;
  if (v instanceof Map) {
    return Object.fromEntries([...v].map(([m, qs]) => [String(m), Object.fromEntries([...qs].map(([q, s]) => [`Q${q}`, s.toString()]))]));
  }
  if (Array.isArray(v)) return (v as unknown[]).map((x) => plainValue(x as Value));
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x.toString()]));
}

export function typeOfValue(v: Value): ValueType {
  if (v instanceof Exact) return 'number';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'string') return 'string';
  if (v instanceof Map) return 'schedule';
  if (Array.isArray(v)) return v.length && !(v[0] instanceof Exact) ? 'tiers' : 'list';
  return 'map';
}

/** Raised while evaluating: a user's data or policy made a computation impossible; `text` renders in any language. */
export class EvaluationError extends Error {
  constructor(readonly text: Text) { super(renderText(text)); }
}

/** Where a value read from data sits: the table, the row's line and the column's name. */
export interface DataCell { source: 'facts' | 'transactions' | 'payees'; line: number; field: string }

/** A value read from data that a rule cannot use (a key not in a map, an index past a list): reported at its cell. */
export class DataCellError extends EvaluationError {
  constructor(message: Text, readonly cell: DataCell) { super(message); }
}

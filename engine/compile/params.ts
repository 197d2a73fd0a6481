// Checks a parameter's value against its declared type and shape, and makes it exact:
// rates between 0 and 1, counts whole, maps and lists of one element type, tier lists without
// gaps or overlaps, refund schedules of checkpoint months and source quarters.
import { Exact } from '../exact/exact.js';
import { msg } from '../messages/msg.js';
import type { Text } from '../messages/message.js';
import type { ParamDeclaration, ScalarType } from '../policy/policy-document.js';
import type { Schedule, TierRow, Value } from './values.js';

export type ReportAt = (message: Text, path: (string | number)[]) => void;

const SCALARS = new Set(['rate', 'ratio', 'money', 'count', 'integer', 'number']);

function show(v: unknown): string {
  if (v instanceof Exact) return v.toString();
  if (typeof v === 'string') return `"${v}"`;
  return JSON.stringify(v) ?? String(v);
}

export function checkScalarValue(v: unknown, type: ScalarType, path: (string | number)[], report: ReportAt): Exact | undefined {
  const bad = () => { report(msg('param.expected-scalar', { type, got: show(v) }), path); return undefined; };
  if (!(v instanceof Exact)) return bad();
  if (type === 'rate' && (v.sign() < 0 || v.gt(Exact.ONE))) return bad();
  if (type === 'ratio' && v.sign() < 0) return bad();
  if ((type === 'count' || type === 'integer') && !v.isInteger()) return bad();
  if (type === 'count' && v.sign() < 0) return bad();
  return v;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Exact);

export function checkParam(decl: ParamDeclaration, value: unknown, path: (string | number)[], report: ReportAt): Value | undefined {
  const type = decl.type;
  if (SCALARS.has(type)) return checkScalarValue(value, type as ScalarType, path, report);
  const of = (decl.of ?? 'number') as ScalarType;
  switch (type) {
    case 'map': {
      if (!isPlainObject(value)) { report(msg('param.expected-map', { of, got: show(value) }), path); return undefined; }
      const out: Record<string, Exact> = Object.create(null); // a key is a name, never a prototype's
      let ok = true;
      for (const [k, v] of Object.entries(value)) {
        const x = checkScalarValue(v, of, [...path, k], report);
        if (x) out[k] = x; else ok = false;
      }
      return ok ? out : undefined;
    }
    case 'list': {
      if (!Array.isArray(value)) { report(msg('param.expected-list', { of, got: show(value) }), path); return undefined; }
      const out = value.map((v, i) => checkScalarValue(v, of, [...path, i], report));
      return out.every(Boolean) ? (out as Exact[]) : undefined;
    }
    case 'tiers': return checkTiers(decl, value, path, report);
    case 'schedule': return checkSchedule(value, path, report);
    default:
      if (typeof type !== 'string') return undefined; // missing or not text: the schema says so
      report(msg('param.unknown-type', { type: String(type) }), [...path.slice(0, -1), 'type']);
      return undefined;
  }
}

function checkTiers(decl: ParamDeclaration, value: unknown, path: (string | number)[], report: ReportAt): TierRow[] | undefined {
  const columns = isPlainObject(decl.columns) ? (decl.columns as Record<string, ScalarType>) : {};
  if (!Object.hasOwn(columns, 'min')) { report(msg('param.tiers-min'), [...path.slice(0, -1), 'columns']); return undefined; }
  if (!Array.isArray(value) || !value.length) { report(msg('param.tiers-empty', { got: show(value) }), path); return undefined; }
  const rows: TierRow[] = [];
  let ok = true;
  value.forEach((row, i) => {
    if (!isPlainObject(row)) { report(msg('param.tier-shape', { columns: Object.keys(columns), got: show(row) }), [...path, i]); ok = false; return; }
    const out: TierRow = Object.create(null);
    for (const [name, type] of Object.entries(columns)) {
      if (!Object.hasOwn(row, name)) {
        if (name === 'max') continue; // the last band may be open-ended
        report(msg('param.tier-missing', { name, tier: i + 1 }), [...path, i]); ok = false; continue;
      }
      const x = checkScalarValue(row[name], type, [...path, i, name], report);
      if (x) out[name] = x; else ok = false;
    }
    for (const name of Object.keys(row)) {
      if (!Object.hasOwn(columns, name)) { report(msg('param.tier-unknown-column', { name, expected: Object.keys(columns) }), [...path, i, name]); ok = false; }
    }
    rows.push(out);
  });
  if (!ok) return undefined;
  // tiers may be written highest first; bands must tile without gaps or overlaps
  const order = rows.map((r, i) => ({ r, i })).sort((a, b) => a.r.min.cmp(b.r.min));
  for (let k = 1; k < order.length; k++) {
    const prev = order[k - 1], cur = order[k];
    if (prev.r.min.eq(cur.r.min)) { report(msg('param.tiers-same-min', { a: prev.i + 1, b: cur.i + 1, min: cur.r.min.toString() }), [...path, cur.i, 'min']); ok = false; }
    if ('max' in columns) {
      const max = prev.r.max;
      if (!max) { report(msg('param.tier-open', { a: prev.i + 1, b: cur.i + 1 }), [...path, prev.i]); ok = false; }
      else if (max.gt(cur.r.min)) { report(msg('param.tiers-overlap', { a: prev.i + 1, max: max.toString(), b: cur.i + 1, min: cur.r.min.toString() }), [...path, cur.i, 'min']); ok = false; }
      else if (max.lt(cur.r.min)) { report(msg('param.tiers-gap', { a: prev.i + 1, max: max.toString(), b: cur.i + 1, min: cur.r.min.toString() }), [...path, cur.i, 'min']); ok = false; }
    }
  }
  for (const { r, i } of order) {
    if (r.max && r.max.lte(r.min)) { report(msg('param.tier-max', { tier: i + 1, max: r.max.toString(), min: r.min.toString() }), [...path, i, 'max']); ok = false; }
  }
  return ok ? order.map((o) => o.r) : undefined;
}

function checkSchedule(value: unknown, path: (string | number)[], report: ReportAt): Schedule | undefined {
  if (!isPlainObject(value)) { report(msg('param.schedule-shape', { got: show(value) }), path); return undefined; }
  const out: Schedule = new Map();
  let ok = true;
  for (const [monthText, quarters] of Object.entries(value)) {
    const month = Number(monthText);
    if (!/^\d+$/.test(monthText) || month < 1 || month > 12) { report(msg('param.schedule-month', { month: monthText }), [...path, monthText]); ok = false; continue; }
    if (!isPlainObject(quarters)) { report(msg('param.schedule-quarters', { month, got: show(quarters) }), [...path, monthText]); ok = false; continue; }
    const byQuarter = new Map<number, Exact>();
    for (const [q, share] of Object.entries(quarters)) {
      const m = /^Q([1-4])$/.exec(q);
      if (!m) { report(msg('param.schedule-quarter', { quarter: q }), [...path, monthText, q]); ok = false; continue; }
      const quarter = Number(m[1]);
      if ((quarter - 1) * 3 + 1 > month) { report(msg('param.schedule-early', { quarter: q, month }), [...path, monthText, q]); ok = false; continue; }
      const x = checkScalarValue(share, 'rate', [...path, monthText, q], report);
      if (x) byQuarter.set(quarter, x); else ok = false;
    }
    out.set(month, new Map([...byQuarter].sort((a, b) => a[0] - b[0])));
  }
  return ok ? new Map([...out].sort((a, b) => a[0] - b[0])) : undefined;
}

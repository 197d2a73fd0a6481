// Checks a parameter's value against its declared type and shape, and makes it exact:
// rates between 0 and 1, counts whole, maps and lists of one element type, tier lists without
// gaps or overlaps, refund schedules of checkpoint months and source quarters.
import { Exact } from '../exact/exact.js';
import { SCALAR_EXPECTATIONS, SCALAR_PLURALS } from '../data/scalar.js';
import type { ParamDeclaration, ScalarType } from '../policy/policy-document.js';
import type { Schedule, TierRow, Value } from './values.js';

export type ReportAt = (message: string, path: (string | number)[]) => void;

const SCALARS = new Set(['rate', 'ratio', 'money', 'count', 'integer', 'number']);

function show(v: unknown): string {
  if (v instanceof Exact) return v.toString();
  if (typeof v === 'string') return `"${v}"`;
  return JSON.stringify(v) ?? String(v);
}

export function checkScalarValue(v: unknown, type: ScalarType, path: (string | number)[], report: ReportAt): Exact | undefined {
  const expected = SCALAR_EXPECTATIONS[type];
  const bad = () => { report(`expected ${expected}, got ${show(v)}`, path); return undefined; };
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
      if (!isPlainObject(value)) { report(`expected a map of ${SCALAR_PLURALS[of]}, got ${show(value)}`, path); return undefined; }
      const out: Record<string, Exact> = Object.create(null); // a key is a name, never a prototype's
      let ok = true;
      for (const [k, v] of Object.entries(value)) {
        const x = checkScalarValue(v, of, [...path, k], report);
        if (x) out[k] = x; else ok = false;
      }
      return ok ? out : undefined;
    }
    case 'list': {
      if (!Array.isArray(value)) { report(`expected a list of ${SCALAR_PLURALS[of]}, got ${show(value)}`, path); return undefined; }
      const out = value.map((v, i) => checkScalarValue(v, of, [...path, i], report));
      return out.every(Boolean) ? (out as Exact[]) : undefined;
    }
    case 'tiers': return checkTiers(decl, value, path, report);
    case 'schedule': return checkSchedule(value, path, report);
    default:
      if (typeof type !== 'string') return undefined; // missing or not text: the schema says so
      report(`unknown parameter type \`${type}\``, [...path.slice(0, -1), 'type']);
      return undefined;
  }
}

function checkTiers(decl: ParamDeclaration, value: unknown, path: (string | number)[], report: ReportAt): TierRow[] | undefined {
  const columns = isPlainObject(decl.columns) ? (decl.columns as Record<string, ScalarType>) : {};
  if (!Object.hasOwn(columns, 'min')) { report('a tier list needs a `min` column', [...path.slice(0, -1), 'columns']); return undefined; }
  if (!Array.isArray(value) || !value.length) { report(`expected a non-empty list of tiers, got ${show(value)}`, path); return undefined; }
  const rows: TierRow[] = [];
  let ok = true;
  value.forEach((row, i) => {
    if (!isPlainObject(row)) { report(`expected a tier like {${Object.keys(columns).join(', ')}}, got ${show(row)}`, [...path, i]); ok = false; return; }
    const out: TierRow = Object.create(null);
    for (const [name, type] of Object.entries(columns)) {
      if (!Object.hasOwn(row, name)) {
        if (name === 'max') continue; // the last band may be open-ended
        report(`missing \`${name}\` in tier ${i + 1}`, [...path, i]); ok = false; continue;
      }
      const x = checkScalarValue(row[name], type, [...path, i, name], report);
      if (x) out[name] = x; else ok = false;
    }
    for (const name of Object.keys(row)) {
      if (!Object.hasOwn(columns, name)) { report(`unknown column \`${name}\`, expected one of ${Object.keys(columns).map((c) => `\`${c}\``).join(', ')}`, [...path, i, name]); ok = false; }
    }
    rows.push(out);
  });
  if (!ok) return undefined;
  // tiers may be written highest first; bands must tile without gaps or overlaps
  const order = rows.map((r, i) => ({ r, i })).sort((a, b) => a.r.min.cmp(b.r.min));
  for (let k = 1; k < order.length; k++) {
    const prev = order[k - 1], cur = order[k];
    if (prev.r.min.eq(cur.r.min)) { report(`tiers ${prev.i + 1} and ${cur.i + 1} both start at ${cur.r.min}: tiers must not overlap`, [...path, cur.i, 'min']); ok = false; }
    if ('max' in columns) {
      const max = prev.r.max;
      if (!max) { report(`tier ${prev.i + 1} has no \`max\` but tier ${cur.i + 1} comes after it: only the last band may be open-ended`, [...path, prev.i]); ok = false; }
      else if (max.gt(cur.r.min)) { report(`tier ${prev.i + 1} ends at ${max} but tier ${cur.i + 1} starts at ${cur.r.min}: tiers overlap`, [...path, cur.i, 'min']); ok = false; }
      else if (max.lt(cur.r.min)) { report(`gap between tier ${prev.i + 1} (up to ${max}) and tier ${cur.i + 1} (from ${cur.r.min}): a value in the gap would silently pay nothing`, [...path, cur.i, 'min']); ok = false; }
    }
  }
  for (const { r, i } of order) {
    if (r.max && r.max.lte(r.min)) { report(`tier ${i + 1} ends at ${r.max}, not above its min ${r.min}`, [...path, i, 'max']); ok = false; }
  }
  return ok ? order.map((o) => o.r) : undefined;
}

function checkSchedule(value: unknown, path: (string | number)[], report: ReportAt): Schedule | undefined {
  if (!isPlainObject(value)) { report(`expected a schedule {checkpoint month: {source quarter: share}}, got ${show(value)}`, path); return undefined; }
  const out: Schedule = new Map();
  let ok = true;
  for (const [monthText, quarters] of Object.entries(value)) {
    const month = Number(monthText);
    if (!/^\d+$/.test(monthText) || month < 1 || month > 12) { report(`expected a checkpoint month 1–12, got \`${monthText}\``, [...path, monthText]); ok = false; continue; }
    if (!isPlainObject(quarters)) { report(`expected {Q1: share, ...} for month ${month}, got ${show(quarters)}`, [...path, monthText]); ok = false; continue; }
    const byQuarter = new Map<number, Exact>();
    for (const [q, share] of Object.entries(quarters)) {
      const m = /^Q([1-4])$/.exec(q);
      if (!m) { report(`expected a source quarter Q1–Q4, got \`${q}\``, [...path, monthText, q]); ok = false; continue; }
      const quarter = Number(m[1]);
      if ((quarter - 1) * 3 + 1 > month) { report(`quarter ${q} has not started by checkpoint month ${month}: nothing to return yet`, [...path, monthText, q]); ok = false; continue; }
      const x = checkScalarValue(share, 'rate', [...path, monthText, q], report);
      if (x) byQuarter.set(quarter, x); else ok = false;
    }
    out.set(month, new Map([...byQuarter].sort((a, b) => a[0] - b[0])));
  }
  return ok ? new Map([...out].sort((a, b) => a[0] - b[0])) : undefined;
}

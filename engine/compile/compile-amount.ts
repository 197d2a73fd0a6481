// Compiles a rule's amount: a formula, a structured primitive (percent of a base, price per
// unit, step deduction with a cap, tier lookup, refund of earlier deductions), or a sum over
// the payee's transactions. Primitives become formulas too, so traces read the same way.
import { Exact } from '../exact/exact.js';
import type { Binding, CompiledExpr } from './compile-expression.js';
import { compileCondition, type CompiledCondition, type ConditionScope } from './compile-condition.js';
import type { Path } from './compile-policy.js';
import type { AmountPlan, Formula } from './plan.js';
import type { Ctx } from './runtime.js';
import type { Schedule, TierRow, Value } from './values.js';

export interface AmountHelpers {
  expression: (text: unknown, path: Path, extra?: Map<string, Binding>) => CompiledExpr | undefined;
  report: (message: string, path: Path) => void;
  bindings: Map<string, Binding>;
  ruleIndex: Map<string, number>;
  params: Map<string, Value>;
  conditionScope: (extra?: Map<string, Binding>) => ConditionScope;
  transactionFields: string[];
  ruleKinds: Map<string, string>;
}

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Exact) ? (v as Record<string, unknown>) : {};

const num = (v: Value) => v as Exact;

function formula(text: string, e: CompiledExpr): Formula {
  return { text, fn: e.fn, render: e.render, names: e.names };
}

function numeric(h: AmountHelpers, text: unknown, path: Path, extra?: Map<string, Binding>): CompiledExpr | undefined {
  const e = h.expression(text, path, extra);
  if (e && e.type !== 'number') { h.report(`expected a number, but this expression gives a ${e.type}`, path); return undefined; }
  return e;
}

/** Combines compiled parts into one formula with its own text and renderer. */
function combine(
  parts: Record<string, CompiledExpr>,
  texts: Record<string, string>,
  template: (p: Record<string, string>) => string,
  /** Gets the parts' values in the order of `parts`' keys. */
  compute: (v: Exact[]) => Exact,
): Formula {
  const keys = Object.keys(parts);
  const names = new Set<string>();
  keys.forEach((k) => parts[k].names.forEach((n) => names.add(n)));
  const paren = (s: string) => (/^[\w.]+$/.test(s) ? s : `(${s})`);
  const fns = keys.map((k) => parts[k].fn);
  return {
    text: template(Object.fromEntries(keys.map((k) => [k, paren(texts[k])]))),
    // the hot path: one small array per evaluation, filled by a loop
    fn: (ctx) => {
      const v: Exact[] = new Array(fns.length);
      for (let i = 0; i < fns.length; i++) v[i] = num(fns[i](ctx));
      return compute(v);
    },
    render: (ctx) => template(Object.fromEntries(keys.map((k) => [k, paren(parts[k].render(ctx))]))),
    names,
  };
}

export function compileAmount(r: Record<string, unknown>, path: Path, h: AmountHelpers): { plan: AmountPlan; names: Set<string> } | undefined {
  const amountPath = [...path, 'amount'];
  if (r.for_each !== undefined) return compileEach(r, path, h);
  for (const key of ['derive', 'where'] as const) {
    if (r[key] !== undefined) h.report(`\`${key}\` works only with \`for_each: transactions\``, [...path, key]);
  }
  const a = r.amount;
  if (typeof a === 'string' || a instanceof Exact) {
    const e = numeric(h, a, amountPath);
    return e && { plan: { type: 'formula', formula: formula(String(a), e) }, names: e.names };
  }
  const d = obj(a);
  const which = Object.keys(d)[0];
  const body = obj(d[which]);
  const at = [...amountPath, which];
  const parts = (keys: string[], optional: string[] = []) => {
    const out: Record<string, CompiledExpr> = {};
    const texts: Record<string, string> = {};
    let ok = true;
    for (const k of [...keys, ...optional]) {
      if (body[k] === undefined) { if (keys.includes(k)) { h.report(`missing \`${k}\``, at); ok = false; } continue; }
      const e = numeric(h, body[k], [...at, k]);
      if (e) { out[k] = e; texts[k] = String(body[k]); } else ok = false;
    }
    return ok ? { out, texts } : undefined;
  };
  const done = (f: Formula) => ({ plan: { type: 'formula' as const, formula: f }, names: f.names });
  switch (which) {
    case 'percent_of': {
      const p = parts(['rate', 'base']);
      return p && done(combine(p.out, p.texts, (t) => `${t.rate} * ${t.base}`, ([rate, base]) => rate.mul(base)));
    }
    case 'per_unit': {
      const p = parts(['price', 'units']);
      return p && done(combine(p.out, p.texts, (t) => `${t.units} * ${t.price}`, ([price, units]) => units.mul(price)));
    }
    case 'step_deduction': {
      const p = parts(['base', 'shortfall', 'step', 'rate'], ['cap']);
      if (!p) return undefined;
      const capped = 'cap' in p.out;
      return done(combine(p.out, p.texts,
        (t) => capped ? `${t.base} * min(${t.cap}, ${t.rate} * floor(${t.shortfall} / ${t.step}))` : `${t.base} * ${t.rate} * floor(${t.shortfall} / ${t.step})`,
        ([base, shortfall, step, rate, cap]) => {
          if (step.sign() <= 0) throw new RangeError(`the step must be above 0, got ${step}`);
          const steps = shortfall.sign() > 0 ? shortfall.div(step).floor() : Exact.ZERO;
          const share = rate.mul(steps);
          return base.mul(capped ? cap.min(share) : share);
        }));
    }
    case 'tier': return compileTier(body, at, h);
    case 'refund': return compileRefund(body, at, path, h);
    default:
      h.report('expected an expression or one of `percent_of`, `per_unit`, `step_deduction`, `tier`, `refund`', amountPath);
      return undefined;
  }
}

function compileTier(body: Record<string, unknown>, at: Path, h: AmountHelpers) {
  const tableName = String(body.table);
  const table = h.params.get(tableName);
  const mode = body.mode === 'marginal' ? 'marginal' : 'reached';
  if (!h.params.has(tableName) && h.bindings.get(tableName)?.kind === 'param') return undefined; // bad value, already reported
  if (!h.params.has(tableName) && !h.bindings.has(tableName)) { h.report(`unknown tier list \`${tableName}\`: declare it under params with type tiers`, [...at, 'table']); return undefined; }
  if (!Array.isArray(table) || (table.length && table[0] instanceof Exact)) {
    if (table !== undefined) h.report(`\`${tableName}\` must be a parameter of type tiers`, [...at, 'table']);
    return undefined;
  }
  const rows = table as TierRow[];
  const value = numeric(h, body.value, [...at, 'value']);
  const base = body.base === undefined ? undefined : numeric(h, body.base, [...at, 'base']);
  const pay = body.pay === undefined ? undefined : String(body.pay);
  const rate = body.rate === undefined ? undefined : String(body.rate);
  const columns = new Set(rows.flatMap((r) => Object.keys(r)));
  let ok = !!value && (body.base === undefined || !!base);
  if (mode === 'reached' && !pay && !(rate && base)) { h.report('a reached tier pays a column: give `pay: <column>`, or `rate: <column>` with `base`', at); ok = false; }
  if (mode === 'marginal' && !(rate && base === undefined)) {
    if (!rate) { h.report('a marginal tier list pays each band its `rate` column: give `rate: <column>`', at); ok = false; }
  }
  if (mode === 'marginal' && !columns.has('max') && rows.length > 1) { h.report(`marginal bands need a \`max\` column in \`${tableName}\``, [...at, 'table']); ok = false; }
  for (const c of [pay, rate]) if (c && !columns.has(c)) { h.report(`\`${tableName}\` has no column \`${c}\`, only ${[...columns].map((x) => `\`${x}\``).join(', ')}`, [...at, c === pay ? 'pay' : 'rate']); ok = false; }
  if (!ok || !value) return undefined;
  const names = new Set([...value.names, ...(base?.names ?? []), tableName]);
  const plan: AmountPlan = {
    type: 'tier', table: rows, tableName, mode, pay, rate,
    value: formula(String(body.value), value),
    base: base && formula(String(body.base), base),
  };
  return { plan, names };
}

function compileRefund(body: Record<string, unknown>, at: Path, rulePath: Path, h: AmountHelpers) {
  const of = String(body.of);
  const scheduleName = String(body.schedule);
  let ok = true;
  const j = h.ruleIndex.get(of);
  if (j === undefined) { h.report(`unknown rule \`${of}\`: a refund returns the deductions of an earlier rule`, [...at, 'of']); ok = false; }
  else if (h.ruleKinds.get(of) !== 'deduction') { h.report(`\`${of}\` is a ${h.ruleKinds.get(of)} rule: a refund returns deductions`, [...at, 'of']); ok = false; }
  else if (j >= Number(rulePath[1])) { h.report(`the deduction rule \`${of}\` must come before the refund`, [...at, 'of']); ok = false; }
  const schedule = h.params.get(scheduleName);
  const invalidParam = !h.params.has(scheduleName) && h.bindings.get(scheduleName)?.kind === 'param'; // already reported
  if (invalidParam) ok = false;
  else if (!(schedule instanceof Map)) {
    h.report(h.params.has(scheduleName) || h.bindings.has(scheduleName) ? `\`${scheduleName}\` must be a parameter of type schedule` : `unknown schedule \`${scheduleName}\`: declare it under params with type schedule`, [...at, 'schedule']);
    ok = false;
  }
  if (!ok) return undefined;
  return { plan: { type: 'refund' as const, of, schedule: schedule as Schedule, scheduleName }, names: new Set([scheduleName]) };
}

function compileEach(r: Record<string, unknown>, path: Path, h: AmountHelpers) {
  if (r.for_each !== 'transactions') { h.report('expected `for_each: transactions`', [...path, 'for_each']); return undefined; }
  if (!h.transactionFields.length) { h.report('`for_each: transactions` needs a `transactions` section declaring the transaction fields', [...path, 'for_each']); return undefined; }
  const extra = new Map<string, Binding>();
  h.transactionFields.forEach((name, i) => {
    extra.set(name, { kind: 'field', type: 'number', fn: (ctx: Ctx) => ctx.item!.values[i] });
  });
  const derive: { name: string; expr: CompiledExpr }[] = [];
  let ok = true;
  for (const [name, text] of Object.entries(obj(r.derive))) {
    if (extra.has(name) || h.bindings.has(name)) { h.report(`\`${name}\` is already defined: derived names must be new`, [...path, 'derive', name]); ok = false; continue; }
    const e = h.expression(text, [...path, 'derive', name], extra);
    if (!e) { ok = false; continue; }
    const slot = derive.length;
    derive.push({ name, expr: e });
    extra.set(name, { kind: 'derived', type: e.type, fn: (ctx: Ctx) => ctx.derived![slot]! });
  }
  let where: CompiledCondition | undefined;
  if (r.where !== undefined) {
    where = compileCondition(r.where, [...path, 'where'], h.conditionScope(extra));
    if (!where) ok = false;
  }
  const amount = numeric(h, r.amount, [...path, 'amount'], extra);
  if (!ok || !amount) return undefined;
  const local = new Set([...extra.keys()]);
  const names = new Set([...amount.names, ...(where?.names ?? []), ...derive.flatMap((d) => [...d.expr.names])].filter((n) => !local.has(n)));
  return {
    plan: { type: 'each' as const, derive, where, formula: formula(String(r.amount), amount), roundEach: r.round === 'each' },
    names,
  };
}

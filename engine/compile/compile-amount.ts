// Compiles a rule's amount: a formula, a structured primitive (percent of a base, price per
// unit, step deduction with a cap, tier lookup, refund of earlier deductions), or a sum over
// the payee's transactions. Primitives become formulas too, so traces read the same way.
import { Exact } from '../exact/exact.js';
import type { Binding, CompiledExpr } from './compile-expression.js';
import { compileCondition, type CompiledCondition, type ConditionScope } from './compile-condition.js';
import type { Path } from './compile-policy.js';
import { compileGroupBy } from './compile-population.js';
import { fieldBinding } from './field-binding.js';
import type { AmountPlan, Formula, TransactionScope } from './plan.js';
import type { FieldType } from '../policy/policy-document.js';
import type { Ctx, Fn } from './runtime.js';
import { EvaluationError, type Schedule, type TierRow, type Value } from './values.js';
import { msg } from '../messages/msg.js';
import { textPieces } from '../messages/render.js';
import type { Text } from '../messages/message.js';

export interface AmountHelpers {
  expression: (text: unknown, path: Path, extra?: Map<string, Binding>) => CompiledExpr | undefined;
  report: (message: Text, path: Path) => void;
  bindings: Map<string, Binding>;
  ruleIndex: Map<string, number>;
  params: Map<string, Value>;
  conditionScope: (extra?: Map<string, Binding>) => ConditionScope;
  transactionFields: { name: string; decl: { type?: FieldType; optional?: boolean } }[];
  ruleKinds: Map<string, string>;
  /** Each earlier rule's compiled amount, by id (a clawback reads its instalments rule's plan). */
  compiledAmounts: Map<string, AmountPlan>;
  scopeFor: (path: Path) => (name: string, start: number, end: number) => Binding | undefined;
}

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Exact) ? (v as Record<string, unknown>) : {};

const num = (v: Value) => v as Exact;

function formula(text: string, e: CompiledExpr): Formula {
  return { text, fn: e.fn, render: e.render, names: e.names };
}

function numeric(h: AmountHelpers, text: unknown, path: Path, extra?: Map<string, Binding>): CompiledExpr | undefined {
  const e = h.expression(text, path, extra);
  if (e && e.type !== 'number') { h.report(msg('amount.expected-number', { type: e.type }), path); return undefined; }
  return e;
}

// a combined formula's fixed text and its parts' expressions in the order they are written, for
// explanations compiled into text pieces (engine/evaluate/formula-template.ts)
const combined = new WeakMap<Formula, { pieces: string[]; parts: string[] }>();

/** The fixed text of a formula combined from parts (`percent_of`, …) and the text of each part, in order. */
export const combinedParts = (f: Formula) => combined.get(f);

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
  // the template's fixed text is found once: a line's numbers are joined into its pieces
  const t = textPieces(keys.length, (hole) => template(Object.fromEntries(keys.map((k, i) => [k, hole(i)]))));
  const renders = t?.holes.map((i) => parts[keys[i]].render);
  const f: Formula = {
    text: template(Object.fromEntries(keys.map((k) => [k, paren(texts[k])]))),
    // the hot path: one small array per evaluation, filled by a loop
    fn: (ctx) => {
      const v: Exact[] = new Array(fns.length);
      for (let i = 0; i < fns.length; i++) v[i] = num(fns[i](ctx));
      return compute(v);
    },
    render: t && renders ? (ctx) => {
      const { pieces } = t;
      let s = pieces[0];
      for (let i = 0; i < renders.length; i++) s += paren(renders[i](ctx)) + pieces[i + 1];
      return s;
    } : (ctx) => template(Object.fromEntries(keys.map((k) => [k, paren(parts[k].render(ctx))]))),
    names,
  };
  if (t) combined.set(f, { pieces: t.pieces, parts: t.holes.map((i) => texts[keys[i]]) });
  return f;
}

export function compileAmount(r: Record<string, unknown>, path: Path, h: AmountHelpers): { plan: AmountPlan; names: Set<string> } | undefined {
  const amountPath = [...path, 'amount'];
  if (r.for_each !== undefined) return compileEach(r, path, h);
  for (const key of ['derive', 'where', 'round'] as const) {
    if (r[key] !== undefined) h.report(msg('amount.only-per-transaction', { key }), [...path, key]);
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
      if (body[k] === undefined) { if (keys.includes(k)) { h.report(msg('amount.missing', { key: k }), at); ok = false; } continue; }
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
          if (step.sign() <= 0) throw new EvaluationError(msg('amount.step-above-zero', { step: step.toString() }));
          const steps = shortfall.sign() > 0 ? shortfall.div(step).floor() : Exact.ZERO;
          const share = rate.mul(steps);
          return base.mul(capped ? cap.min(share) : share);
        }));
    }
    case 'tier': return compileTier(body, at, h);
    case 'refund': return compileRefund(body, at, path, h);
    case 'allocate': {
      const p = parts(['total', 'weight']);
      const by = body.by === undefined ? undefined : compileGroupBy(String(body.by), [...at, 'by'], h.scopeFor, h.report);
      if (!p || (body.by !== undefined && !by)) return undefined;
      for (const k of ['total', 'weight'] as const) {
        if (p.out[k].readsLines) { h.report(msg('amount.allocation-reads-lines', { key: k }), [...at, k]); return undefined; }
      }
      const names = new Set([...p.out.total.names, ...p.out.weight.names, ...(by ? [by.name] : [])]);
      return { plan: { type: 'allocate', total: formula(String(body.total), p.out.total), weight: formula(String(body.weight), p.out.weight), by }, names };
    }
    case 'instalments': case 'clawback':
      h.report(msg('amount.needs-for-each', { which }), at);
      return undefined;
    default:
      h.report(msg('amount.expected-amount'), amountPath);
      return undefined;
  }
}

function compileTier(body: Record<string, unknown>, at: Path, h: AmountHelpers) {
  const tableName = String(body.table);
  const table = h.params.get(tableName);
  const mode = body.mode === 'marginal' ? 'marginal' : 'reached';
  if (!h.params.has(tableName) && h.bindings.get(tableName)?.kind === 'param') return undefined; // bad value, already reported
  if (!h.params.has(tableName) && !h.bindings.has(tableName)) { h.report(msg('amount.unknown-tiers', { name: tableName }), [...at, 'table']); return undefined; }
  if (!Array.isArray(table) || (table.length && table[0] instanceof Exact)) {
    if (table !== undefined) h.report(msg('amount.not-tiers', { name: tableName }), [...at, 'table']);
    return undefined;
  }
  const rows = table as TierRow[];
  const value = numeric(h, body.value, [...at, 'value']);
  const base = body.base === undefined ? undefined : numeric(h, body.base, [...at, 'base']);
  const pay = body.pay === undefined ? undefined : String(body.pay);
  const rate = body.rate === undefined ? undefined : String(body.rate);
  const columns = new Set(rows.flatMap((r) => Object.keys(r)));
  let ok = !!value && (body.base === undefined || !!base);
  if (mode === 'reached' && !pay && !(rate && base)) { h.report(msg('amount.reached-pays'), at); ok = false; }
  if (mode === 'reached' && pay && (rate || body.base !== undefined)) {
    h.report(msg('amount.reached-extra', { pay, extra: [rate && 'rate', body.base !== undefined && 'base'].filter((x): x is string => !!x) }), [...at, rate ? 'rate' : 'base']);
    ok = false;
  }
  if (mode === 'marginal') {
    if (!rate) { h.report(msg('amount.marginal-rate'), at); ok = false; }
    if (pay) { h.report(msg('amount.marginal-pay'), [...at, 'pay']); ok = false; }
  }
  if (mode === 'marginal' && !columns.has('max') && rows.length > 1) { h.report(msg('amount.marginal-max', { name: tableName }), [...at, 'table']); ok = false; }
  for (const c of [pay, rate]) if (c && !columns.has(c)) { h.report(msg('amount.no-column', { name: tableName, column: c, columns: [...columns] }), [...at, c === pay ? 'pay' : 'rate']); ok = false; }
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
  if (j === undefined) { h.report(msg('amount.refund-unknown-rule', { of }), [...at, 'of']); ok = false; }
  else if (h.ruleKinds.get(of) !== 'deduction') { h.report(msg('amount.refund-not-deduction', { of, kind: String(h.ruleKinds.get(of)) }), [...at, 'of']); ok = false; }
  else if (j >= Number(rulePath[1])) { h.report(msg('amount.refund-order', { of }), [...at, 'of']); ok = false; }
  const schedule = h.params.get(scheduleName);
  const invalidParam = !h.params.has(scheduleName) && h.bindings.get(scheduleName)?.kind === 'param'; // already reported
  if (invalidParam) ok = false;
  else if (!(schedule instanceof Map)) {
    h.report(msg(h.params.has(scheduleName) || h.bindings.has(scheduleName) ? 'amount.not-schedule' : 'amount.unknown-schedule', { name: scheduleName }), [...at, 'schedule']);
    ok = false;
  }
  if (!ok) return undefined;
  return { plan: { type: 'refund' as const, of, schedule: schedule as Schedule, scheduleName }, names: new Set([scheduleName]) };
}

function compileEach(r: Record<string, unknown>, path: Path, h: AmountHelpers) {
  if (r.for_each !== 'transactions') { h.report(msg('amount.expected-for-each'), [...path, 'for_each']); return undefined; }
  if (!h.transactionFields.length) { h.report(msg('amount.for-each-needs-transactions'), [...path, 'for_each']); return undefined; }
  const extra = new Map<string, Binding>();
  h.transactionFields.forEach(({ name, decl }, i) => {
    extra.set(name, fieldBinding('field', name, decl, (ctx: Ctx) => ctx.item!.values[i]));
  });
  extra.set('transaction_month', { kind: 'field', type: 'number', month: true, fn: (ctx: Ctx) => Exact.of(ctx.item!.period) });
  const derive: { name: string; expr: CompiledExpr }[] = [];
  let ok = true;
  const isNew = (name: string, at: Path) => {
    if (extra.has(name) || h.bindings.has(name)) { h.report(msg('amount.derived-defined', { name }), at); return false; }
    return true;
  };
  for (const [name, text] of Object.entries(obj(r.derive))) {
    if (!isNew(name, [...path, 'derive', name])) { ok = false; continue; }
    const e = h.expression(text, [...path, 'derive', name], extra);
    if (!e) { ok = false; continue; }
    const slot = derive.length;
    derive.push({ name, expr: e });
    extra.set(name, { kind: 'derived', type: e.type, fn: (ctx: Ctx) => ctx.derived![slot]! });
  }
  const spread = obj(r.amount);
  if ('instalments' in spread || 'clawback' in spread) {
    for (const key of ['where', 'round'] as const) {
      if (r[key] !== undefined) { h.report(msg('amount.spread-key', { key, spread: 'instalments' in spread ? 'instalments' : 'clawback' }), [...path, key]); ok = false; }
    }
    const scope: TransactionScope = { derive };
    const plan = 'instalments' in spread
      ? compileInstalments(obj(spread.instalments), [...path, 'amount', 'instalments'], h, extra, scope, isNew)
      : compileClawback(obj(spread.clawback), [...path, 'amount', 'clawback'], h, extra, scope);
    if (!ok || !plan) return undefined;
    const names = new Set([...plan.names].filter((n) => !extra.has(n)));
    return { plan: plan.plan, names };
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

/** Local names of an instalment's part: its number and the month it falls due. */
function compileInstalments(
  body: Record<string, unknown>, at: Path, h: AmountHelpers, extra: Map<string, Binding>, scope: TransactionScope,
  isNew: (name: string, at: Path) => boolean,
): { plan: Extract<AmountPlan, { type: 'instalments' }>; names: Set<string> } | undefined {
  const total = numeric(h, body.total, [...at, 'total'], extra);
  const parts = numeric(h, body.parts, [...at, 'parts'], extra);
  if (!total || !parts) return undefined;
  const slots = { part: scope.derive.length, parts: scope.derive.length + 1, partMonth: scope.derive.length + 2 };
  if (!isNew('part', at) || !isNew('part_month', at)) return undefined;
  const inPart = new Map(extra);
  inPart.set('part', { kind: 'derived', type: 'number', fn: (ctx: Ctx) => ctx.derived![slots.part]! });
  inPart.set('part_month', { kind: 'derived', type: 'number', month: true, fn: (ctx: Ctx) => ctx.derived![slots.partMonth]! });
  let paidWhile: CompiledExpr | undefined;
  if (body.paid_while !== undefined) {
    paidWhile = h.expression(body.paid_while, [...at, 'paid_while'], inPart);
    if (!paidWhile) return undefined;
    if (paidWhile.type !== 'boolean') { h.report(msg('amount.paid-while-boolean', { type: paidWhile.type }), [...at, 'paid_while']); return undefined; }
  }
  const names = new Set([...total.names, ...parts.names, ...(paidWhile?.names ?? []), ...scope.derive.flatMap((d) => [...d.expr.names])]);
  names.delete('part'); names.delete('part_month');
  return {
    plan: { type: 'instalments', transaction: { ...scope, partSlots: slots }, total: formula(String(body.total), total), parts: formula(String(body.parts), parts), paidWhile },
    names,
  };
}

function compileClawback(
  body: Record<string, unknown>, at: Path, h: AmountHelpers, extra: Map<string, Binding>, scope: TransactionScope,
): { plan: Extract<AmountPlan, { type: 'clawback' }>; names: Set<string> } | undefined {
  const ofRule = String(body.of);
  const of = h.compiledAmounts.get(ofRule);
  const j = h.ruleIndex.get(ofRule);
  const here = Number(at[1]);
  if (j === undefined) { h.report(msg('amount.clawback-unknown-rule', { of: ofRule }), [...at, 'of']); return undefined; }
  if (j >= here) { h.report(msg('amount.clawback-order', { of: ofRule }), [...at, 'of']); return undefined; }
  if (!of) return undefined; // the rule itself did not compile, and says why
  if (of.type !== 'instalments') { h.report(msg('amount.clawback-not-instalments', { of: ofRule }), [...at, 'of']); return undefined; }
  // an optional month field (a line still in service has no churn month) is no event, not an error
  const eventText = body.event;
  const field = typeof eventText === 'string' ? extra.get(eventText.trim()) : undefined;
  const event = numeric(h, eventText, [...at, 'event'], extra);
  const within = body.within === undefined ? undefined : numeric(h, body.within, [...at, 'within'], extra);
  if (!event || (body.within !== undefined && !within)) return undefined;
  const eventFn = field?.raw ? { ...event, fn: field.raw as Fn } : event;
  const names = new Set([...event.names, ...(within?.names ?? []), ...scope.derive.flatMap((d) => [...d.expr.names])]);
  return { plan: { type: 'clawback', transaction: scope, of, ofRule, event: eventFn, within }, names };
}

// Pass 1 of compilation: the names a policy defines, each bound to how it is read — builtins,
// payee attributes, facts (one slot each, in declaration order), parameters (made exact,
// shapes checked) and rules (an expression reads an earlier line's rounded amount). A name
// defined twice is reported where it is defined again.
import { Exact } from '../../exact/exact.js';
import { monthOfYear, periodOf as periodText, quarterOfYear, yearOf } from '../../data/period.js';
import type { FieldDeclaration, ParamDeclaration } from '../../policy/policy-document.js';
import type { Binding } from '../compile-expression.js';
import { fieldBinding } from '../field-binding.js';
import { checkParam } from '../params.js';
import { type Ctx, lineAt } from '../runtime.js';
import { EvaluationError, type Value, type ValueType } from '../values.js';
import { msg } from '../../messages/msg.js';
import type { Text } from '../../messages/message.js';
import { obj } from './doc-object.js';

export type Path = (string | number)[];

const BUILTINS: Record<string, (m: number) => number> = {
  period_month: monthOfYear,
  period_quarter: quarterOfYear,
  period_year: yearOf,
};

export interface Names {
  bindings: Map<string, Binding & { path: Path }>;
  define: (name: string, binding: Binding, path: Path) => void;
  attributeDecls: [string, FieldDeclaration][];
  factDecls: [string, FieldDeclaration][];
  params: Map<string, Value>;
  ruleDocs: Record<string, unknown>[];
  ruleIndex: Map<string, number>;
}

export function defineNames(doc: Record<string, unknown>, report: (message: Text, path: Path) => void, fieldOf: (path: Path) => string): Names {
  const bindings = new Map<string, Binding & { path: Path }>();
  const define = (name: string, binding: Binding, path: Path) => {
    const prior = bindings.get(name);
    if (prior) {
      report(msg('compile.already-defined', { name, kind: prior.kind, at: fieldOf(prior.path) }), path);
      return;
    }
    bindings.set(name, { ...binding, path });
  };

  // builtins
  for (const [name, f] of Object.entries(BUILTINS)) {
    define(name, { kind: 'builtin', type: 'number', fn: (ctx) => Exact.of(f(ctx.m)), at: (_ctx, m) => Exact.of(f(m)) }, ['(builtin)']);
  }
  // the month being settled, as a month: compared with month facts and fields (`churned_in <= this_month`)
  define('this_month', { kind: 'builtin', type: 'number', month: true, fn: (ctx) => Exact.of(ctx.m), at: (_ctx, m) => Exact.of(m) }, ['(builtin)']);

  // payee attributes: one slot each, read from payees.csv
  const attributeDecls = Object.entries(obj(doc.attributes)) as [string, FieldDeclaration][];
  attributeDecls.forEach(([name, decl], i) => {
    const raw = (ctx: Ctx) => ctx.p.attributes[i];
    define(name, fieldBinding('attribute', name, obj(decl), raw), ['attributes', name]);
  });

  // facts: one slot each, in declaration order
  const factDecls = Object.entries(obj(doc.facts)) as [string, FieldDeclaration][];
  factDecls.forEach(([name, decl], i) => {
    const missing = (ctx: Ctx, m: number): never => {
      throw new EvaluationError(msg('evaluate.no-facts', { payee: ctx.p.payee.payeeId, period: periodText(m), name }));
    };
    const at = (ctx: Ctx, m: number) => {
      const row = ctx.p.facts.get(m);
      return row ? row.values[i] : missing(ctx, m);
    };
    define(name, fieldBinding('fact', name, obj(decl), (ctx) => at(ctx, ctx.m), at), ['facts', name]);
  });

  // params: exact values, shapes checked
  const params = new Map<string, Value>();
  for (const [name, raw] of Object.entries(obj(doc.params))) {
    const decl = obj(raw) as unknown as ParamDeclaration;
    const value = checkParam(decl, decl.value, ['params', name, 'value'], (m, p) => report(m, p));
    const type: ValueType = decl.type === 'map' ? 'map' : decl.type === 'list' ? 'list' : decl.type === 'tiers' ? 'tiers' : decl.type === 'schedule' ? 'schedule' : 'number';
    if (value !== undefined) params.set(name, value);
    // a bad value is reported once; the name stays defined so its readers are not reported too
    define(name, { kind: 'param', type, fn: value === undefined ? () => { throw new EvaluationError(msg('evaluate.param-invalid', { name })); } : () => value }, ['params', name]);
  }

  // rules are names too: an expression reads an earlier line's rounded amount this month
  const ruleDocs = Array.isArray(doc.rules) ? (doc.rules as unknown[]).map(obj) : [];
  const ruleIndex = new Map<string, number>();
  ruleDocs.forEach((r, k) => {
    const id = String(r.id ?? '');
    if (!id) return;
    if (ruleIndex.has(id)) { report(msg('compile.duplicate-rule', { id }), ['rules', k, 'id']); return; }
    ruleIndex.set(id, k);
    define(id, { kind: 'rule', type: 'number', fn: (ctx) => lineAt(ctx.p, k), readsLines: true }, ['rules', k, 'id']);
  });

  return { bindings, define, attributeDecls, factDecls, params, ruleDocs, ruleIndex };
}

// A leaf: `fact` `operator` `value`, the value a constant (a written month when the fact is a
// month) or another fact (`value: {fact: …}`), either side narrowed by a `path`. Operators and
// constants that cannot work are reported here; the trace shows both sides' values.
import { Exact } from '../../exact/exact.js';
import { orderedPieces, render } from '../../messages/render.js';
import { msg } from '../../messages/msg.js';
import type { Path } from '../passes/define-names.js';
import { formatValue, type Value } from '../values.js';
import type { ConditionBuilder } from './condition-builder.js';
import type { ConditionNode, Get } from './compiled-condition.js';
import type { Binding } from '../compile-expression.js';
import { compilePath, pathText } from './json-path.js';
import { monthLiteral, showMonths } from './months.js';
import { NUMERIC, OPERATORS } from './operators.js';

function withPath(cb: ConditionBuilder, get: Get, path: unknown, where: Path): Get | undefined {
  if (path === undefined) return get;
  const f = typeof path === 'string' ? compilePath(path) : undefined;
  if (!f) { cb.report(msg('condition.unsupported-path', { path: String(path) }), where); return undefined; }
  return (ctx) => f(get(ctx));
}

function literal(v: unknown): Value {
  return Array.isArray(v) ? (v.map(literal) as Value) : (v as Value);
}

export function factLeaf(cb: ConditionBuilder, c: Record<string, unknown>, path: Path): ConditionNode | undefined {
  const operator = String(c.operator);
  const op = OPERATORS[operator];
  if (!op) {
    cb.report(msg('condition.unknown-operator', { operator, expected: Object.keys(OPERATORS) }), [...path, 'operator']);
    return undefined;
  }
  const factName = String(c.fact);
  const factBinding = cb.scope.resolve(factName, [...path, 'fact']);
  const rawFact = factBinding ? cb.lookup(factName, [...path, 'fact']) : undefined;
  if (!factBinding) cb.failed = true;
  const fact = rawFact && withPath(cb, rawFact, c.path, [...path, 'path']);
  if (factBinding && c.path === undefined && NUMERIC.has(operator) && factBinding.type !== 'number') {
    cb.report(msg('condition.numeric-fact', { operator, fact: factName, type: factBinding.type }), [...path, 'operator']);
  }
  let value: Get | undefined;
  let valueBinding: Binding | undefined;
  let valueName: string | undefined;
  let valuePath: unknown;
  const v = c.value;
  if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Exact) && 'fact' in v) {
    const ref = v as { fact: unknown; path?: unknown };
    valueName = String(ref.fact);
    valuePath = ref.path;
    const got = cb.lookup(valueName, [...path, 'value', 'fact']);
    value = got && withPath(cb, got, ref.path, [...path, 'value', 'path']);
    if (got) valueBinding = cb.scope.resolve(valueName, [...path, 'value', 'fact']);
  } else {
    // a month fact compared with a written month (`value: 2025-02`) compares months
    const constant = factBinding?.month && c.path === undefined ? monthLiteral(literal(v)) : literal(v);
    if (NUMERIC.has(operator) && !(constant instanceof Exact)) cb.report(msg('condition.numeric-value', { operator, value: formatValue(constant) }), [...path, 'value']);
    if ((operator === 'in' || operator === 'notIn') && !Array.isArray(constant)) cb.report(msg('condition.list-value', { operator }), [...path, 'value']);
    value = () => constant;
  }
  if (!fact || !value) return undefined;
  const get = value;
  const name = c.name ? String(c.name) : undefined;
  const subject = `${factName}${pathText(c.path)}`;
  const rhsName = valueName ? `${valueName}${pathText(valuePath)}` : undefined;
  // the value compared with is most often a constant or a parameter: its text is kept
  let lastB: Value | undefined, lastBText: string | undefined;
  // months are held as month indexes and shown as `YYYY-MM`
  const months = !!factBinding?.month && c.path === undefined;
  const show = (x: Value | undefined) => (months ? showMonths(x) : formatValue(x));
  const formatB = (b: Value | undefined) => (lastBText !== undefined && b === lastB ? lastBText : (lastBText = show((lastB = b))));
  const statement = (a: Value | undefined, b: Value | undefined, result?: boolean) =>
    msg('trace.compare', { name, fact: subject, factValue: show(a), operator, valueName: rhsName, value: formatB(b), result });
  // the step's English text without its result, around its two values: written once
  const pieces = orderedPieces(2, (hole) => render(msg('trace.compare', { name, fact: subject, factValue: hole(0), operator, valueName: rhsName, value: hole(1) })));
  const zhPieces = orderedPieces(2, (hole) => render(msg('trace.compare', { name, fact: subject, factValue: hole(0), operator, valueName: rhsName, value: hole(1) }), 'zh-CN'));
  const heldText = pieces ? (a: Value | undefined, b: Value | undefined) => pieces[0] + show(a) + pieces[1] + formatB(b) + pieces[2]
    : (a: Value | undefined, b: Value | undefined) => render(statement(a, b));
  // two numbers or two booleans read by name: values generated code can compute for the held text
  const types = [factBinding?.type, valueBinding ? valueBinding.type : v instanceof Exact ? 'number' : typeof v === 'boolean' ? 'boolean' : undefined];
  const kind = types[0] === types[1] && (types[0] === 'number' || (types[0] === 'boolean' && !NUMERIC.has(operator))) ? types[0] as 'number' | 'boolean' : undefined;
  const plain = kind && pieces && zhPieces && c.path === undefined && valuePath === undefined && !months && !valueBinding?.month
    && (NUMERIC.has(operator) || operator === 'equal' || operator === 'notEqual');
  return {
    priority: Number(c.priority ?? 1),
    shape: plain ? { type: 'leaf', doc: c, kind, pieces, valueText: valueBinding ? undefined : show(get(undefined as never)), zh: { pieces: zhPieces!, fact: subject, valueName: rhsName } } : undefined,
    test: (ctx) => op(fact(ctx), get(ctx)),
    name: c.name as string | undefined,
    leaf: true,
    failed: (ctx, out) => {
      const a = fact(ctx), b = get(ctx);
      if (op(a, b)) return true;
      out.push(() => statement(a, b));
      return false;
    },
    held: (ctx, out) => {
      const a = fact(ctx), b = get(ctx);
      if (!op(a, b)) return false;
      out.push(heldText(a, b));
      return true;
    },
    trace: (ctx, p) => {
      const a = fact(ctx), b = get(ctx);
      const result = op(a, b);
      const m = statement(a, b, result);
      return {
        path: p, name: c.name as string | undefined, operator, fact: factName, factValue: show(a), value: show(b), result,
        text: render(m), msg: m,
      };
    },
  };
}

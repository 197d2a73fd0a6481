// Compiles json-rules-engine conditions (all/any/not, named conditions, fact/operator/value)
// into synchronous closures with its semantics: `equal` is strict equality, numeric operators
// are false for a non-number fact, `in` looks the fact up in the value, `contains` the value
// in the fact. A second closure re-evaluates with a trace of every value it saw.
import { Exact } from '../exact/exact.js';
import type { ConditionTrace, MessageData } from '../types.js';
import { render } from '../messages/render.js';
import type { Binding } from './compile-expression.js';
import type { Ctx } from './runtime.js';
import { formatValue, type Value } from './values.js';
import { monthIndex, periodOf } from '../data/period.js';
import { msg } from '../messages/msg.js';
import type { Text } from '../messages/message.js';

export interface CompiledCondition {
  test: (ctx: Ctx) => boolean;
  trace: (ctx: Ctx, path: string) => ConditionTrace;
  /**
   * Evaluates like `test` and, when the condition fails, adds the failed leaves its trace would
   * show (`fee_ratio 0.96 ≥ fee_gate 0.98`, without ` → false`) as text made only when read.
   */
  failed: (ctx: Ctx, out: FailedLeaf[]) => boolean;
  /** The name its trace carries, and whether that trace is a single leaf (no children). */
  name?: string;
  leaf: boolean;
  names: Set<string>;
  readsLines: boolean;
  readsRank: boolean;
}

export interface ConditionScope {
  resolve: (name: string, path: (string | number)[]) => Binding | undefined;
  report: (message: Text, path: (string | number)[]) => void;
  /** Named conditions (`{condition: name}`), compiled on demand. */
  named: (name: string, path: (string | number)[]) => CompiledCondition | undefined;
}

type Get = (ctx: Ctx) => Value | undefined;

/** A failed leaf as a message (without its result), made on first read from the values it saw. */
export type FailedLeaf = () => MessageData;

const SKIPPED = msg('trace.skipped');
const SKIPPED_TEXT = render(SKIPPED);

/** A step's message as a reason: without its `→ result`. */
export function withoutResult(t: ConditionTrace): MessageData {
  if (!t.msg) return msg('text', { text: t.text.replace(/ → (true|false)$/, '') });
  return stripResult(t.msg);
}
function stripResult(m: MessageData): MessageData {
  if (m.code === 'trace.labelled') {
    const text = m.params!.text;
    return { code: m.code, params: { ...m.params, text: typeof text === 'string' ? text.replace(/ → (true|false)$/, '') : stripResult(text as MessageData) } };
  }
  return m.params && 'result' in m.params ? { code: m.code, params: { ...m.params, result: undefined } } : m;
}
const NUMERIC = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);

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
const compareWith = (test: (c: number) => boolean) => (a: Value | undefined, b: Value | undefined) => {
  const x = numeric(a), y = numeric(b);
  return !!x && !!y && test(x.cmp(y));
};

const OPERATORS: Record<string, (a: Value | undefined, b: Value | undefined) => boolean> = {
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

/** A JSONPath of the simple kind json-rules-engine users write: `$.a.b[0]`. */
function compilePath(path: string): ((v: Value | undefined) => Value | undefined) | undefined {
  const m = /^\$((?:\.[A-Za-z0-9_]+|\[\d+\])*)$/.exec(path);
  if (!m) return undefined;
  const steps = [...m[1].matchAll(/\.([A-Za-z0-9_]+)|\[(\d+)\]/g)].map((s) => s[1] ?? Number(s[2]));
  // as json-rules-engine reads it: a path on a value that is not an object (a number, a text) is
  // ignored and the value itself compared; into lists (an index or `length`) and a map's own keys
  // its JSONPath reads, a part that is not there is nothing, and nothing reaches a prototype
  return (v) => {
    if (!Array.isArray(v) && !isMap(v)) return v;
    let cur: unknown = v;
    for (const s of steps) {
      if (Array.isArray(cur)) cur = s === 'length' ? Exact.of(cur.length) : typeof s === 'number' ? cur[s] : undefined;
      else if (isMap(cur)) cur = Object.hasOwn(cur, s) ? cur[s] : undefined;
      else return undefined;
    }
    return cur as Value | undefined;
  };
}

const isMap = (v: unknown): v is Record<string | number, unknown> =>
  !!v && typeof v === 'object' && !(v instanceof Exact) && !(v instanceof Map) && !Array.isArray(v);

/** A written month (`2025-02`, or a list of them) as the month index a month fact holds. */
function monthLiteral(v: Value): Value {
  if (Array.isArray(v)) return (v as Value[]).map(monthLiteral) as Value;
  const m = typeof v === 'string' ? monthIndex(v) : undefined;
  return m === undefined ? v : Exact.of(m);
}

function showMonths(v: Value | undefined): string {
  if (Array.isArray(v)) return `[${(v as Value[]).map(showMonths).join(', ')}]`;
  return v instanceof Exact && v.isInteger() ? periodOf(v.toNumber()) : formatValue(v);
}

/** `$.high` → `.high`, so a trace reads `limits.high 90`, not `limits 90`. */
const pathText = (path: unknown) => (typeof path === 'string' ? path.replace(/^\$/, '') : '');

export function compileCondition(doc: unknown, at: (string | number)[], scope: ConditionScope): CompiledCondition | undefined {
  const names = new Set<string>();
  let readsLines = false;
  let readsRank = false;
  let failed = false;
  const report = (message: Text, path: (string | number)[]) => { failed = true; scope.report(message, path); };

  type Node = Pick<CompiledCondition, 'test' | 'trace' | 'failed' | 'name' | 'leaf'> & { priority: number };

  function lookup(name: string, path: (string | number)[]): Get | undefined {
    const b = scope.resolve(name, path);
    if (!b) { failed = true; return undefined; }
    names.add(name);
    readsLines ||= !!b.readsLines;
    readsRank ||= !!b.readsRank;
    return b.fn;
  }

  function withPath(get: Get, path: unknown, where: (string | number)[]): Get | undefined {
    if (path === undefined) return get;
    const f = typeof path === 'string' ? compilePath(path) : undefined;
    if (!f) { report(msg('condition.unsupported-path', { path: String(path) }), where); return undefined; }
    return (ctx) => f(get(ctx));
  }

  function literal(v: unknown): Value {
    return Array.isArray(v) ? (v.map(literal) as Value) : (v as Value);
  }

  function group(kind: 'all' | 'any', d: Record<string, unknown>, path: (string | number)[]): Node | undefined {
    const list = d[kind];
    if (!Array.isArray(list)) { report(msg('condition.group-not-list', { kind }), path); return undefined; }
    const children = list.map((c, i) => node(c, [...path, kind, i])).filter((c): c is Node => !!c);
    // json-rules-engine evaluates higher priority first; the sort is stable
    children.sort((a, b) => b.priority - a.priority);
    const all = kind === 'all';
    // as in json-rules-engine, an empty group holds, `any` included
    const tests = children.map((c) => c.test);
    const test = !tests.length ? () => true
      : tests.length === 1 ? tests[0]
      : all ? (ctx: Ctx) => { for (let i = 0; i < tests.length; i++) if (!tests[i](ctx)) return false; return true; }
      : (ctx: Ctx) => { for (let i = 0; i < tests.length; i++) if (tests[i](ctx)) return true; return false; };
    const failedOf = children.map((c) => c.failed);
    return {
      priority: Number(d.priority ?? 1),
      test,
      name: d.name as string | undefined,
      leaf: false,
      // a group's failed leaves count only when the group fails (an `any` that holds has none)
      failed: (ctx, out) => {
        const mine: FailedLeaf[] = [];
        let decided: boolean | undefined;
        for (let i = 0; i < failedOf.length && decided === undefined; i++) {
          const r = failedOf[i](ctx, mine);
          if (all && !r) decided = false;
          if (!all && r) decided = true;
        }
        const result = decided ?? (all || !children.length);
        if (!result) for (const f of mine) out.push(f);
        return result;
      },
      trace: (ctx, p) => {
        const traced: ConditionTrace[] = [];
        let decided: boolean | undefined;
        children.forEach((c, i) => {
          const childPath = `${p}.${kind}[${i}]`;
          if (decided !== undefined) {
            traced.push({ path: childPath, operator: 'skipped', result: false, text: SKIPPED_TEXT, msg: SKIPPED });
            return;
          }
          const t = c.trace(ctx, childPath);
          traced.push(t);
          if (all && !t.result) decided = false;
          if (!all && t.result) decided = true;
        });
        const result = decided ?? (all || !children.length);
        const m = msg('trace.group', { name: d.name as string | undefined, kind, count: traced.length, result });
        return { path: p, name: d.name as string | undefined, operator: kind, result, children: traced, text: render(m), msg: m };
      },
    };
  }

  function node(d: unknown, path: (string | number)[]): Node | undefined {
    if (!d || typeof d !== 'object' || Array.isArray(d)) { report(msg('condition.expected-object'), path); return undefined; }
    const c = d as Record<string, unknown>;
    if ('all' in c) return group('all', c, path);
    if ('any' in c) return group('any', c, path);
    if ('not' in c) {
      const inner = node(c.not, [...path, 'not']);
      if (!inner) return undefined;
      return {
        priority: Number(c.priority ?? 1),
        test: (ctx) => !inner.test(ctx),
        name: c.name as string | undefined,
        leaf: false,
        // a failed `not` is an inner condition that held: that condition, negated, is the reason
        failed: (ctx, out) => {
          if (!inner.test(ctx)) return true;
          out.push(() => msg('trace.not', { name: c.name ? String(c.name) : undefined, inner: withoutResult(inner.trace(ctx, 'not')) }));
          return false;
        },
        trace: (ctx, p) => {
          const t = inner.trace(ctx, `${p}.not`);
          const m = msg('trace.not', { inner: t.msg ?? t.text, result: !t.result });
          return { path: p, name: c.name as string | undefined, operator: 'not', result: !t.result, children: [t], text: render(m), msg: m };
        },
      };
    }
    if ('condition' in c) {
      const named = scope.named(String(c.condition), [...path, 'condition']);
      if (!named) { failed = true; return undefined; }
      named.names.forEach((n) => names.add(n));
      readsLines ||= named.readsLines;
      readsRank ||= named.readsRank;
      // the trace says which condition it is: the name given here, else the named condition's own
      // name, else its key — `veto: violations 1 = 0`, not a bare `violations 1 = 0`
      const label = c.name !== undefined ? String(c.name) : named.name ? undefined : String(c.condition);
      return {
        priority: Number(c.priority ?? 1),
        test: named.test,
        name: label ?? named.name,
        leaf: named.leaf,
        failed: !label || !named.leaf ? named.failed : (ctx, out) => {
          const mine: FailedLeaf[] = [];
          const r = named.failed(ctx, mine);
          for (const f of mine) out.push(() => msg('trace.labelled', { label, text: f() }));
          return r;
        },
        trace: (ctx, p) => {
          const t = named.trace(ctx, p);
          if (!label) return { ...t, name: t.name };
          const m = msg('trace.labelled', { label, text: t.msg ?? t.text });
          return { ...t, name: label, text: render(m), msg: m };
        },
      };
    }
    return factCondition(c, path);
  }

  function factCondition(c: Record<string, unknown>, path: (string | number)[]): Node | undefined {
    const operator = String(c.operator);
    const op = OPERATORS[operator];
    if (!op) {
      report(msg('condition.unknown-operator', { operator, expected: Object.keys(OPERATORS) }), [...path, 'operator']);
      return undefined;
    }
    const factName = String(c.fact);
    const factBinding = scope.resolve(factName, [...path, 'fact']);
    const rawFact = factBinding ? lookup(factName, [...path, 'fact']) : undefined;
    if (!factBinding) failed = true;
    const fact = rawFact && withPath(rawFact, c.path, [...path, 'path']);
    if (factBinding && c.path === undefined && NUMERIC.has(operator) && factBinding.type !== 'number') {
      report(msg('condition.numeric-fact', { operator, fact: factName, type: factBinding.type }), [...path, 'operator']);
    }
    let value: Get | undefined;
    let valueName: string | undefined;
    let valuePath: unknown;
    const v = c.value;
    if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Exact) && 'fact' in v) {
      const ref = v as { fact: unknown; path?: unknown };
      valueName = String(ref.fact);
      valuePath = ref.path;
      const got = lookup(valueName, [...path, 'value', 'fact']);
      value = got && withPath(got, ref.path, [...path, 'value', 'path']);
    } else {
      // a month fact compared with a written month (`value: 2025-02`) compares months
      const constant = factBinding?.month && c.path === undefined ? monthLiteral(literal(v)) : literal(v);
      if (NUMERIC.has(operator) && !(constant instanceof Exact)) report(msg('condition.numeric-value', { operator, value: formatValue(constant) }), [...path, 'value']);
      if ((operator === 'in' || operator === 'notIn') && !Array.isArray(constant)) report(msg('condition.list-value', { operator }), [...path, 'value']);
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
    return {
      priority: Number(c.priority ?? 1),
      test: (ctx) => op(fact(ctx), get(ctx)),
      name: c.name as string | undefined,
      leaf: true,
      failed: (ctx, out) => {
        const a = fact(ctx), b = get(ctx);
        if (op(a, b)) return true;
        out.push(() => statement(a, b));
        return false;
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

  const root = node(doc, at);
  if (failed || !root) return undefined;
  return { test: root.test, trace: root.trace, failed: root.failed, name: root.name, leaf: root.leaf, names, readsLines, readsRank };
}

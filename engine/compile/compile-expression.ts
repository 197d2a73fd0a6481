// Type-checks an expression tree against the names in scope and turns it into a closure.
// Each node also gets a renderer that prints the formula with the numbers it saw, for traces.
import { Exact } from '../exact/exact.js';
import type { BinaryOp, Expr } from '../expression/ast.js';
import { periodOf } from '../data/period.js';
import { isWindow, reachBeforeYear, windowMonths, WINDOWS, windowsBeforeMonth, type WindowName } from './windows.js';
import type { Ctx, Fn } from './runtime.js';
import { type DataCell, DataCellError, EvaluationError, formatValue, type Value, type ValueType } from './values.js';
import { msg } from '../messages/msg.js';
import type { Text } from '../messages/message.js';

export interface Binding {
  kind: 'fact' | 'attribute' | 'param' | 'metric' | 'rule' | 'field' | 'derived' | 'builtin';
  type: ValueType;
  fn: Fn;
  /** The value as stored, absent for an optional empty cell (what `has(name)` tests). */
  raw?: (ctx: Ctx) => Value | undefined;
  /** A month (YYYY-MM) held as its month index: printed as a month. */
  month?: boolean;
  /** Value at another month, for window aggregates (facts and metrics). */
  at?: (ctx: Ctx, month: number) => Value;
  /** Reads this month's lines (directly or through metrics): not usable over windows. */
  readsLines?: boolean;
  readsRank?: boolean;
}

export type Resolve = (name: string, start: number, end: number) => Binding | undefined;
export type Report = (message: Text, start: number, end: number) => void;

export interface CompiledExpr {
  fn: Fn;
  type: ValueType;
  render: (ctx: Ctx) => string;
  /** Names read, for trace values. */
  names: Set<string>;
  readsLines: boolean;
  readsRank: boolean;
  /** Months before the first month of a year whose lines it reads (a line over the previous quarter). */
  reach: number;
  /** Rules whose earlier months' lines it reads from the ledger (`sum(line, previous_quarter)`). */
  ledgerRules: Set<string>;
}

const PRECEDENCE: Record<BinaryOp, number> = { or: 1, and: 2, '==': 3, '!=': 3, '<': 4, '<=': 4, '>': 4, '>=': 4, '+': 5, '-': 5, '*': 6, '/': 6 };

const num = (v: Value) => v as Exact;

function divide(a: Exact, b: Exact, render: () => string): Exact {
  if (b.isZero()) throw new EvaluationError(msg('expr.division-by-zero', { formula: render() }));
  return a.div(b);
}

export function compileExpression(tree: Expr, resolve: Resolve, report: Report): CompiledExpr | undefined {
  const names = new Set<string>();
  let readsLines = false;
  let readsRank = false;
  let reach = 0;
  const ledgerRules = new Set<string>();
  let failed = false;
  const fail = (message: Text, e: { start: number; end: number }) => { failed = true; report(message, e.start, e.end); };

  /** `bare`: how the node prints when it is the whole formula (an element then shows no `= value`, the result does). */
  interface Node { fn: Fn; type: ValueType; render: (ctx: Ctx) => string; precedence: number; bare?: (ctx: Ctx) => string }
  const bad: Node = { fn: () => Exact.ZERO, type: 'number', render: () => '?', precedence: 9 };

  function need(node: Node, type: ValueType, e: Expr, what: Text): void {
    if (node !== bad && node.type !== type) fail(msg('expr.wrong-type', { what, type, got: node.type }), e);
  }

  function walk(e: Expr): Node {
    switch (e.type) {
      case 'number': { const v = e.value; return { fn: () => v, type: 'number', render: () => e.text, precedence: 9 }; }
      case 'boolean': { const v = e.value; return { fn: () => v, type: 'boolean', render: () => String(v), precedence: 9 }; }
      case 'text': { const v = e.value; return { fn: () => v, type: 'string', render: () => JSON.stringify(v), precedence: 9 }; }
      case 'name': {
        const b = resolve(e.name, e.start, e.end);
        if (!b) { failed = true; return bad; }
        names.add(e.name);
        readsLines ||= !!b.readsLines;
        readsRank ||= !!b.readsRank;
        const fn = b.fn;
        const show = b.month ? (ctx: Ctx) => periodOf(Number(fn(ctx).toString())) : (ctx: Ctx) => formatValue(fn(ctx));
        return { fn, type: b.type, render: show, precedence: 9 };
      }
      case 'member': {
        const o = walk(e.object);
        if (o === bad) return bad;
        if (o.type !== 'map') { fail(msg('expr.map-needed', { property: e.property, type: o.type }), e); return bad; }
        const key = e.property;
        const probe = safeConstant(o.fn);
        if (probe && !Object.hasOwn(probe as object, key)) {
          fail(msg('expr.unknown-key', { key, expected: Object.keys(probe as object) }), e);
          return bad;
        }
        const fn: Fn = (ctx) => lookupKey(o.fn(ctx) as Record<string, Exact>, key, () => exprText(e.object));
        return { fn, type: 'number', render: (ctx) => formatValue(fn(ctx)), precedence: 9 };
      }
      case 'index': {
        const o = walk(e.object);
        const i = walk(e.index);
        if (o !== bad && o.type === 'map') {
          // a map looked up by a text key read from data: `unit_price[product]`
          need(i, 'string', e.index, msg('what.map-key'));
          const mapText = () => exprText(e.object);
          const probe = e.index.type === 'text' ? safeConstant(o.fn) : undefined;
          if (probe && e.index.type === 'text' && !Object.hasOwn(probe as object, e.index.value)) {
            fail(msg('expr.unknown-key', { key: String(e.index.value), expected: Object.keys(probe as object) }), e.index);
            return bad;
          }
          const cell = i === bad ? undefined : dataCell(e.index);
          const fn: Fn = (ctx) => lookupKey(o.fn(ctx) as Record<string, Exact>, i.fn(ctx) as string, mapText, cell && (() => cell(ctx)));
          const head = (ctx: Ctx) => (e.object.type === 'name' ? e.object.name : wrap(o, 9, ctx));
          return element(fn, (ctx) => `${head(ctx)}[${i.render(ctx)}]`);
        }
        need(i, 'number', e.index, msg('what.index'));
        if (o === bad) return bad;
        if (o.type !== 'list') { fail(msg('expr.list-needed', { type: o.type }), e); return bad; }
        const cell = i === bad ? undefined : dataCell(e.index);
        const fn: Fn = (ctx) => {
          const list = o.fn(ctx) as Exact[];
          const k = num(i.fn(ctx));
          if (!k.isInteger() || k.sign() < 0 || k.toNumber() >= list.length) {
            const message = msg('expr.index-outside', { index: k.toString(), list: exprText(e.object), length: list.length });
            throw cell ? new DataCellError(message, cell(ctx)) : new EvaluationError(message);
          }
          return list[k.toNumber()];
        };
        // `rank_awards[3 - 1] = 3000`: the index with its numbers and the element it picked
        const list = (ctx: Ctx) => (e.object.type === 'name' ? e.object.name : wrap(o, 9, ctx));
        return element(fn, (ctx) => `${list(ctx)}[${i.render(ctx)}]`);
      }
      case 'unary': {
        const a = walk(e.arg);
        if (e.op === '-') {
          need(a, 'number', e.arg, msg('what.minus-operand'));
          return { fn: (ctx) => num(a.fn(ctx)).neg(), type: 'number', render: (ctx) => `-${wrap(a, 8, ctx)}`, precedence: 8 };
        }
        need(a, 'boolean', e.arg, msg('what.not-operand'));
        return { fn: (ctx) => !a.fn(ctx), type: 'boolean', render: (ctx) => `not ${wrap(a, 8, ctx)}`, precedence: 8 };
      }
      case 'binary': return binary(e);
      case 'call': return call(e);
    }
  }

  /** A list or map element: inside a formula it shows the element it picked, `star_rate[3 - 1] = 0.06`. */
  function element(fn: Fn, head: (ctx: Ctx) => string): Node {
    return { fn, type: 'number', render: (ctx) => `${head(ctx)} = ${formatValue(fn(ctx))}`, bare: head, precedence: 0 };
  }

  /** When an index or key is read straight from data, a bad one is reported at its row: which field of which row. */
  function dataCell(index: Expr): ((ctx: Ctx) => DataCell) | undefined {
    if (index.type !== 'name') return undefined;
    const b = resolve(index.name, index.start, index.end);
    if (!b || (b.kind !== 'fact' && b.kind !== 'field' && b.kind !== 'attribute')) return undefined;
    const source = b.kind === 'fact' ? 'facts' : b.kind === 'field' ? 'transactions' : 'payees';
    return (ctx) => ({
      source, field: index.name,
      line: source === 'facts' ? ctx.p.facts.get(ctx.m)?.line ?? 1 : source === 'transactions' ? ctx.item?.line ?? 1 : ctx.p.payee.location.line,
    });
  }

  function wrap(n: Node, precedence: number, ctx: Ctx) {
    const s = n.render(ctx);
    return n.precedence < precedence ? `(${s})` : s;
  }

  function binary(e: Extract<Expr, { type: 'binary' }>): Node {
    const l = walk(e.left), r = walk(e.right);
    const p = PRECEDENCE[e.op];
    const render = (ctx: Ctx) => `${wrap(l, p, ctx)} ${e.op} ${wrap(r, p + 1, ctx)}`;
    const arithmetic = (f: (a: Exact, b: Exact) => Exact): Node => {
      need(l, 'number', e.left, msg('what.left', { op: e.op }));
      need(r, 'number', e.right, msg('what.right', { op: e.op }));
      return { fn: (ctx) => f(num(l.fn(ctx)), num(r.fn(ctx))), type: 'number', render, precedence: p };
    };
    const compare = (f: (c: number) => boolean): Node => {
      need(l, 'number', e.left, msg('what.left', { op: e.op }));
      need(r, 'number', e.right, msg('what.right', { op: e.op }));
      return { fn: (ctx) => f(num(l.fn(ctx)).cmp(num(r.fn(ctx)))), type: 'boolean', render, precedence: p };
    };
    switch (e.op) {
      case '+': return arithmetic((a, b) => a.add(b));
      case '-': return arithmetic((a, b) => a.sub(b));
      case '*': return arithmetic((a, b) => a.mul(b));
      case '/': {
        need(l, 'number', e.left, msg('what.left', { op: '/' }));
        need(r, 'number', e.right, msg('what.right', { op: '/' }));
        const source = () => exprText(e);
        return { fn: (ctx) => divide(num(l.fn(ctx)), num(r.fn(ctx)), source), type: 'number', render, precedence: p };
      }
      case '<': return compare((c) => c < 0);
      case '<=': return compare((c) => c <= 0);
      case '>': return compare((c) => c > 0);
      case '>=': return compare((c) => c >= 0);
      case '==': case '!=': {
        if (l !== bad && r !== bad && l.type !== r.type) fail(msg('expr.compare-types', { left: l.type, right: r.type }), e);
        const eq = (a: Value, b: Value) => (a instanceof Exact && b instanceof Exact ? a.eq(b) : a === b);
        const want = e.op === '==';
        return { fn: (ctx) => eq(l.fn(ctx), r.fn(ctx)) === want, type: 'boolean', render, precedence: p };
      }
      case 'and': case 'or': {
        need(l, 'boolean', e.left, msg('what.left', { op: e.op }));
        need(r, 'boolean', e.right, msg('what.right', { op: e.op }));
        const and = e.op === 'and';
        return { fn: (ctx) => (and ? l.fn(ctx) && r.fn(ctx) : l.fn(ctx) || r.fn(ctx)) as boolean, type: 'boolean', render, precedence: p };
      }
    }
  }

  function call(e: Extract<Expr, { type: 'call' }>): Node {
    const head = { start: e.start, end: e.calleeEnd };
    const arity = (min: number, max = min) => {
      if (e.args.length < min || e.args.length > max) {
        fail(msg('expr.arity', { callee: e.callee, min, max, got: e.args.length }), head);
        return false;
      }
      return true;
    };
    const render = (args: Node[]) => (ctx: Ctx) => `${e.callee}(${args.map((a) => a.render(ctx)).join(', ')})`;
    switch (e.callee) {
      case 'min': case 'max': {
        if (!arity(1, Infinity)) return bad;
        const args = e.args.map(walk);
        args.forEach((a, i) => need(a, 'number', e.args[i], msg('what.argument-n', { n: i + 1, callee: e.callee })));
        const pick = e.callee === 'min' ? (a: Exact, b: Exact) => a.min(b) : (a: Exact, b: Exact) => a.max(b);
        return { fn: (ctx) => args.map((a) => num(a.fn(ctx))).reduce(pick), type: 'number', render: render(args), precedence: 9 };
      }
      case 'floor': case 'ceil': case 'abs': {
        if (!arity(1)) return bad;
        const a = walk(e.args[0]);
        need(a, 'number', e.args[0], msg('what.argument', { callee: e.callee }));
        const f = e.callee === 'floor' ? (x: Exact) => x.floor() : e.callee === 'ceil' ? (x: Exact) => x.ceil() : (x: Exact) => x.abs();
        return { fn: (ctx) => f(num(a.fn(ctx))), type: 'number', render: render([a]), precedence: 9 };
      }
      case 'round': {
        if (!arity(2)) return bad;
        const [a, places] = e.args.map(walk);
        need(a, 'number', e.args[0], msg('what.round-value'));
        need(places, 'number', e.args[1], msg('what.round-places'));
        const fn: Fn = (ctx) => {
          const p = num(places.fn(ctx));
          if (!p.isInteger() || p.sign() < 0 || p.gt(MAX_PLACES)) throw new EvaluationError(msg('expr.round-places', { places: p.toString() }));
          return num(a.fn(ctx)).round(p.toNumber(), 'half-up');
        };
        return { fn, type: 'number', render: render([a, places]), precedence: 9 };
      }
      case 'has': {
        if (!arity(1)) return bad;
        const target = e.args[0];
        if (target.type !== 'name') { fail(msg('expr.has-name'), target); return bad; }
        const b = resolve(target.name, target.start, target.end);
        if (!b) { failed = true; return bad; }
        names.add(target.name);
        const raw = b.raw ?? b.fn;
        const fn: Fn = (ctx) => raw(ctx) !== undefined;
        return { fn, type: 'boolean', render: (ctx) => `has(${target.name}) ${fn(ctx)}`, precedence: 9 };
      }
      case 'if': {
        if (!arity(3)) return bad;
        const [c, a, b] = e.args.map(walk);
        need(c, 'boolean', e.args[0], msg('what.if-condition'));
        if (a !== bad && b !== bad && a.type !== b.type) fail(msg('expr.if-branches', { a: a.type, b: b.type }), e);
        return { fn: (ctx) => (c.fn(ctx) ? a.fn(ctx) : b.fn(ctx)), type: a.type, render: render([c, a, b]), precedence: 9 };
      }
      case 'len': {
        if (!arity(1)) return bad;
        const a = walk(e.args[0]);
        if (a !== bad && !['list', 'tiers', 'map'].includes(a.type)) fail(msg('expr.len-arg', { type: a.type }), e.args[0]);
        const fn: Fn = (ctx) => {
          const v = a.fn(ctx);
          return Exact.of(Array.isArray(v) ? v.length : Object.keys(v as object).length);
        };
        return { fn, type: 'number', render: (ctx) => formatValue(fn(ctx)), precedence: 9 };
      }
      case 'sum': case 'avg': case 'every': case 'some': return aggregate(e, arity);
      default:
        fail(msg('expr.unknown-function', { callee: e.callee, expected: ['min', 'max', 'floor', 'ceil', 'abs', 'round', 'if', 'len', 'has', 'sum', 'avg', 'every', 'some'] }), head);
        return bad;
    }
  }

  function aggregate(e: Extract<Expr, { type: 'call' }>, arity: (n: number) => boolean): Node {
    if (!arity(2)) return bad;
    const [target, windowArg] = e.args;
    if (target.type !== 'name') { fail(msg('expr.window-target', { callee: e.callee }), target); return bad; }
    if (windowArg.type !== 'name' || !isWindow(windowArg.name)) {
      fail(msg('expr.window-arg', { callee: e.callee, windows: WINDOWS }), windowArg);
      return bad;
    }
    const window = windowArg.name as WindowName;
    const b = resolve(target.name, target.start, target.end);
    if (!b) { failed = true; return bad; }
    // earlier months' lines are no line of this month (no order among rules), but they are known
    // only while settling: like this month's lines, nothing reads them over a window or a population
    if (b.kind === 'rule') {
      // a run that starts in January must settle the months before it that the window reads
      readsLines = true;
      reach = Math.max(reach, reachBeforeYear(window));
      return linesOverWindow(e, target.name, window);
    }
    names.add(target.name);
    if (!b.at) { fail(msg('expr.window-kind', { name: target.name, kind: b.kind }), target); return bad; }
    if (b.readsLines || b.readsRank) { fail(msg('expr.window-lines', { name: target.name }), target); return bad; }
    const at = b.at;
    const boolean = e.callee === 'every' || e.callee === 'some';
    if (boolean && b.type !== 'boolean') { fail(msg('expr.window-boolean', { callee: e.callee, name: target.name, type: b.type }), target); return bad; }
    if (!boolean && b.type !== 'number') { fail(msg('expr.window-number', { callee: e.callee, name: target.name, type: b.type }), target); return bad; }
    let fn: Fn;
    switch (e.callee) {
      case 'sum': fn = (ctx) => windowMonths(window, ctx.m).reduce((s, m) => s.add(num(at(ctx, m))), Exact.ZERO); break;
      case 'avg': fn = (ctx) => { const ms = windowMonths(window, ctx.m); return ms.reduce((s, m) => s.add(num(at(ctx, m))), Exact.ZERO).div(Exact.of(ms.length)); }; break;
      case 'every': fn = (ctx) => windowMonths(window, ctx.m).every((m) => at(ctx, m) === true); break;
      default: fn = (ctx) => windowMonths(window, ctx.m).some((m) => at(ctx, m) === true);
    }
    return { fn, type: boolean ? 'boolean' : 'number', render: (ctx) => formatValue(fn(ctx)), precedence: 9 };
  }

  /** What the payee was paid on a line over earlier months: posted history and this run's earlier months alike. */
  function linesOverWindow(e: Extract<Expr, { type: 'call' }>, rule: string, window: WindowName): Node {
    if (e.callee !== 'sum') { fail(msg('expr.line-window-sum', { callee: e.callee }), e); return bad; }
    if (!windowsBeforeMonth(window)) {
      fail(msg('expr.line-window-earlier', { windows: ['previous_month', 'previous_quarter', 'earlier_this_quarter', 'earlier_this_year'] }), e.args[1]);
      return bad;
    }
    ledgerRules.add(rule);
    const adjusted = `${rule}@`; // adjustments posted to a closed month's line count as paid in the month they were posted
    const fn: Fn = (ctx) => {
      const months = windowMonths(window, ctx.m);
      const first = months[0], last = months[months.length - 1];
      let total = Exact.ZERO;
      for (const entry of ctx.p.ledger) {
        if ((entry.rule === rule || entry.rule.startsWith(adjusted)) && entry.month >= first && entry.month <= last) total = total.add(entry.amount);
      }
      return total;
    };
    return { fn, type: 'number', render: (ctx) => formatValue(fn(ctx)), precedence: 9 };
  }

  const root = walk(tree);
  if (failed || root === bad) return undefined;
  return { fn: root.fn, type: root.type, render: root.bare ?? root.render, names, readsLines, readsRank, reach, ledgerRules };
}

const MAX_PLACES = Exact.of(12);

/** A map's element by key; a key that is not in the map (e.g. read from data) is reported with the map's keys. */
function lookupKey(map: Record<string, Exact>, key: string, mapText: () => string, cell?: () => DataCell): Exact {
  if (!Object.hasOwn(map, key)) {
    const message = msg('expr.unknown-map-key', { key, map: mapText(), expected: Object.keys(map) });
    throw cell ? new DataCellError(message, cell()) : new EvaluationError(message);
  }
  return map[key];
}

/** The value of a closure that needs no payee (a param), or undefined. */
function safeConstant(fn: Fn): Value | undefined {
  try {
    return fn(undefined as unknown as Ctx);
  } catch {
    return undefined;
  }
}

const textPrecedence = (e: Expr) => (e.type === 'binary' ? PRECEDENCE[e.op] : e.type === 'unary' ? 8 : 9);
const textOf = (e: Expr, min: number) => (textPrecedence(e) < min ? `(${exprText(e)})` : exprText(e));

/** Prints a tree back as text (for messages), with the parentheses its meaning needs. */
export function exprText(e: Expr): string {
  switch (e.type) {
    case 'number': return e.text;
    case 'boolean': return String(e.value);
    case 'text': return JSON.stringify(e.value);
    case 'name': return e.name;
    case 'member': return `${exprText(e.object)}.${e.property}`;
    case 'index': return `${exprText(e.object)}[${exprText(e.index)}]`;
    case 'unary': return e.op === '-' ? `-${textOf(e.arg, 8)}` : `not ${textOf(e.arg, 8)}`;
    case 'binary': return `${textOf(e.left, PRECEDENCE[e.op])} ${e.op} ${textOf(e.right, PRECEDENCE[e.op] + 1)}`;
    case 'call': return `${e.callee}(${e.args.map(exprText).join(', ')})`;
  }
}

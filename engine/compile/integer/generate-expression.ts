// Generates integer code for an expression tree (the parsed AST, never its text): numbers as
// numerator/denominator pairs of safe integers, true/false as JS booleans, names read from
// the payee's facts row, the transaction, this month's lines or folded as parameter constants,
// metrics inlined, sums of a fact over a window, ranks and population values, a parameter's
// list indexed at run time, `len` of a parameter. A node it does not generate (other windows,
// `has`, text, lookups by a key read from data) is evaluated by the reference closure of that
// node: the fallback is per expression, and its value is converted (a value held as BigInt makes
// the function bail).
import { Exact, gcdNumber } from '../../exact/exact.js';
import type { Expr } from '../../expression/ast.js';
import type { Binding, CompiledExpr } from '../compile-expression.js';
import { type Bool, constant, type Emitter, jsName, type Num } from './emitter.js';
import { isWindow } from '../windows.js';
import { ledgerWindowSum, windowCondition, windowNumber } from './generate-window.js';

/** How the generator reads names: bindings, where facts and lines sit, and fallback closures. */
export interface GenScope {
  binding: (name: string) => Binding | undefined;
  /** Compiles a subtree to its reference closure (types are checked: the policy compiled). */
  compile: (tree: Expr) => CompiledExpr | undefined;
  /** Registers a closure the generated code calls; returns the JS expression that names it. */
  closure: (fn: (ctx: never) => unknown, what: string) => string;
  /** A metric's expression tree, when it is an expression (not a rank or a population value). */
  metricTree: (name: string) => Expr | undefined;
  /** Slot and declared type of a fact, transaction field (in a transaction's scope) or derived value. */
  slot: (name: string) => { source: 'fact' | 'field' | 'derived' | 'rule'; index: number; type: string } | undefined;
  /** The policy's rounding scale: a line's amount has at most this many places. */
  scale: number;
  /** Values already computed in generated code (a transaction's derived values). */
  local?: (name: string) => Num | undefined;
  /** Whether a metric is read from the population pass (a rank or a population value). */
  population?: (name: string) => boolean;
  /**
   * In a month's function (generate-month.ts): a fact of the month is read once for every rule,
   * the first time one reads it, into locals the function declares at its start.
   */
  lazyFacts?: boolean;
  /**
   * Inside a loop over a window's months (`every(metric, window)`): the JS expressions of the
   * month read and of its facts row, in place of the context's month and the function's row.
   */
  at?: { month: string; facts: string };
}

/** What a metric's value is remembered as in a function: its name and the month it is read at. */
const metricKey = (name: string, s: GenScope) => `metric:${name}@${s.at?.month ?? 'ctx.m'}`;

/** The month the code reads: the context's, or the window month a loop is at. */
export const monthOf = (s: GenScope): string => s.at?.month ?? 'ctx.m';
/** The context a fallback closure is called with: the payee at the month the code reads. */
const ctxOf = (s: GenScope): string => (s.at ? `{ p: ctx.p, m: ${s.at.month} }` : 'ctx');

const STATIC: Record<string, number> = { money: 100, count: 1, integer: 1 };

export function generateNumber(e: Expr, em: Emitter, s: GenScope): Num {
  switch (e.type) {
    case 'number': return constant(e.value) ?? fallbackNumber(e, em, s);
    case 'name': return nameNumber(e.name, e, em, s);
    case 'member': {
      const k = constantMember(e, s);
      return k ?? fallbackNumber(e, em, s);
    }
    case 'index': {
      const k = constantIndex(e, s) ?? listElement(e, em, s);
      return k ?? fallbackNumber(e, em, s);
    }
    case 'unary': return em.neg(generateNumber(e.arg, em, s));
    case 'binary': {
      if (!['+', '-', '*', '/'].includes(e.op)) break;
      const a = generateNumber(e.left, em, s), b = generateNumber(e.right, em, s);
      const hint = e.op === '/' ? 'quotient' : e.op === '*' ? 'product' : e.op === '+' ? 'sum' : 'diff';
      return e.op === '+' ? em.add(a, b, hint) : e.op === '-' ? em.sub(a, b, hint) : e.op === '*' ? em.mul(a, b, hint) : em.div(a, b, hint);
    }
    case 'call': {
      switch (e.callee) {
        case 'min': case 'max': return em.pick(e.args.map((a) => generateNumber(a, em, s)), e.callee);
        case 'floor': return em.integer(generateNumber(e.args[0], em, s), (n, d) => `H.floorDiv(${n}, ${d})`, 'floor');
        case 'ceil': return em.integer(generateNumber(e.args[0], em, s), (n, d) => `H.ceilDiv(${n}, ${d})`, 'ceil');
        case 'abs': {
          const a = generateNumber(e.args[0], em, s);
          return a.c ? constant(a.c.abs())! : { n: em.local('abs', `Math.abs(${a.n})`), d: a.d, sd: a.sd };
        }
        case 'round': {
          const places = e.args[1];
          if (places.type !== 'number' || !places.value.isInteger() || places.value.sign() < 0 || places.value.toNumber() > 12) break;
          return em.round(generateNumber(e.args[0], em, s), places.value.toNumber(), 'half-up');
        }
        case 'len': {
          const n = paramLength(e.args[0], s);
          if (n !== undefined) return constant(Exact.of(n))!;
          break;
        }
        case 'sum': case 'avg': {
          const w = (e.callee === 'sum' ? windowSum(e, em, s) ?? ledgerWindowSum(e, em, s) : undefined) ?? windowNumber(e, em, s);
          if (w) return w;
          break;
        }
        case 'if': {
          const c = generateBool(e.args[0], em, s);
          const n = em.fresh('chosen'), d = em.fresh('chosen_d');
          em.line(`let ${n}, ${d};`);
          let sd: number | undefined;
          const branch = (arg: Expr) => () => {
            const v = generateNumber(arg, em, s);
            em.line(`${n} = ${v.n}; ${d} = ${v.d};`);
            return v.sd;
          };
          let sdA: number | undefined, sdB: number | undefined;
          em.block(`if (${c.b})`, () => { sdA = branch(e.args[1])(); });
          em.block('else', () => { sdB = branch(e.args[2])(); });
          if (sdA !== undefined && sdA === sdB) sd = sdA;
          return { n, d: sd !== undefined ? String(sd) : d, sd };
        }
      }
      break;
    }
  }
  return fallbackNumber(e, em, s);
}

export function generateBool(e: Expr, em: Emitter, s: GenScope): Bool {
  switch (e.type) {
    case 'boolean': return { b: String(e.value) };
    case 'name': {
      const tree = metricTreeOf(e.name, s);
      if (tree) return em.reread<Bool>(metricKey(e.name, s)) ?? em.remember(metricKey(e.name, s), generateBool(tree, em, s));
      break;
    }
    case 'unary':
      if (e.op === 'not') return { b: em.local('not', `!${generateBool(e.arg, em, s).b}`) };
      break;
    case 'binary': {
      const op = e.op;
      if (op === 'and' || op === 'or') {
        const l = generateBool(e.left, em, s);
        const r = em.fresh(op);
        em.line(`let ${r} = ${l.b};`);
        // the right side only when the left does not decide, as the reference does
        em.block(`if (${op === 'and' ? '' : '!'}${r})`, () => { em.line(`${r} = ${generateBool(e.right, em, s).b};`); });
        return { b: r };
      }
      const types = [s.compile(e.left)?.type, s.compile(e.right)?.type];
      if (op === '==' || op === '!=') {
        if (types[0] === 'number' && types[1] === 'number') return em.compare(generateNumber(e.left, em, s), op === '==' ? '===' : '!==', generateNumber(e.right, em, s));
        if (types[0] === 'boolean' && types[1] === 'boolean') {
          const a = generateBool(e.left, em, s), b = generateBool(e.right, em, s);
          return { b: em.local('same', `${a.b} ${op === '==' ? '===' : '!=='} ${b.b}`) };
        }
        break;
      }
      if (op === '<' || op === '<=' || op === '>' || op === '>=') {
        return em.compare(generateNumber(e.left, em, s), op, generateNumber(e.right, em, s));
      }
      break;
    }
    case 'call':
      if (e.callee === 'every' || e.callee === 'some') {
        const w = windowCondition(e, em, s);
        if (w) return w;
      }
      if (e.callee === 'if') {
        const c = generateBool(e.args[0], em, s);
        const r = em.fresh('chosen');
        em.line(`let ${r};`);
        em.block(`if (${c.b})`, () => { em.line(`${r} = ${generateBool(e.args[1], em, s).b};`); });
        em.block('else', () => { em.line(`${r} = ${generateBool(e.args[2], em, s).b};`); });
        return { b: r };
      }
      break;
  }
  const fn = s.compile(e)?.fn;
  if (!fn) throw new Error('an expression that compiled once did not compile again');
  return { b: em.local(hintOf(e), `${s.closure(fn, describe(e))}(${ctxOf(s)})`) };
}

export function metricTreeOf(name: string, s: GenScope): Expr | undefined {
  const b = s.binding(name);
  return b?.kind === 'metric' ? s.metricTree(name) : undefined;
}

function nameNumber(name: string, e: Expr, em: Emitter, s: GenScope): Num {
  const local = s.local?.(name);
  if (local) return local;
  const b = s.binding(name);
  if (!b) return fallbackNumber(e, em, s);
  if (b.kind === 'param') {
    const v = paramValue(b);
    if (v instanceof Exact) return constant(v) ?? fallbackNumber(e, em, s);
  }
  if (b.kind === 'metric') {
    const tree = s.metricTree(name);
    // a metric computed once per block and month: a chain that reads one twice stays linear
    if (tree) return em.reread<Num>(metricKey(name, s)) ?? em.remember(metricKey(name, s), generateNumber(tree, em, s));
    if (s.population?.(name)) return populationValue(name, em, s);
  }
  const slot = s.slot(name);
  // at a window's month only facts are read from their row (a metric over a window reads no line)
  if (slot && (b.kind === 'fact' || b.kind === 'field' || b.kind === 'derived' || b.kind === 'rule') && (!s.at || slot.source === 'fact')) return readSlot(name, slot, em, s);
  return fallbackNumber(e, em, s);
}

/** Reads an exact value where it is stored, at the scale its declared type gives when it has one. */
function readSlot(name: string, slot: NonNullable<ReturnType<GenScope['slot']>>, em: Emitter, s: GenScope): Num {
  const where = slot.source === 'fact' ? `${s.at ? s.at.facts : factsRow(em)}[${slot.index}]`
    : slot.source === 'field' ? `item.values[${slot.index}]`
    : slot.source === 'derived' ? `ctx.derived[${slot.index}]`
    : `ctx.p.current[${slot.index}]`;
  const unit = slot.source === 'rule' ? 10 ** s.scale : STATIC[slot.type];
  // a fact or field read once per block: the same cell again is the same local
  const key = slot.source === 'fact' || slot.source === 'field' ? `${where}@${unit}` : undefined;
  const known = key === undefined ? undefined : em.reread<Num>(key);
  if (known) return known;
  const value = s.lazyFacts && slot.source === 'fact' && !s.at ? lazyFact(name, slot.index, where, unit, em) : readCell(name, where, slot.source, unit, em);
  if (key !== undefined) em.remember(key, value);
  return value;
}

/** A fact read into the month function's own locals by the first rule that reads it (a flag says whether it was). */
function lazyFact(name: string, index: number, where: string, unit: number | undefined, em: Emitter): Num {
  const n = `${jsName(name).slice(0, 40)}_fact_${index}`;
  if (!em.preamble.has(n)) em.preamble.set(n, `let ${n} = 0, ${n}_d = 1, ${n}_read = false;`);
  em.block(`if (!${n}_read)`, () => {
    const v = readCell(name, where, 'fact', unit, em);
    em.line(`${n} = ${v.n}; ${n}_d = ${v.d}; ${n}_read = true;`);
  });
  return unit === undefined ? { n, d: `${n}_d` } : { n, d: String(unit), sd: unit };
}

function readCell(name: string, where: string, source: string, unit: number | undefined, em: Emitter): Num {
  const v = em.local(`${name}_exact`, where);
  if (source === 'rule') {
    // a line not made this month reads as 0; a generated line is already in units of the
    // policy's scale; any other has at most the policy's places
    const n = em.fresh(name);
    em.line(`let ${n} = 0;`);
    em.block(`if (typeof ${v} === 'number')`, () => em.line(`${n} = ${v};`));
    em.block(`else if (${v} !== undefined)`, () => {
      em.line(`if (${unit} % ${v}.d !== 0) ${em.fail};`);
      em.line(`${n} = ${v}.n * (${unit} / ${v}.d);`);
      em.check(n);
    });
    return { n, d: String(unit), sd: unit };
  }
  em.line(`if (${v} === undefined) ${em.fail}; // an empty optional cell: the reference path reports it`);
  if (unit === 1) {
    em.line(`if (${v}.d !== 1) ${em.fail};`);
    return { n: em.local(name, `${v}.n`), d: '1', sd: 1 };
  }
  if (unit !== undefined) {
    // a value with all the type's places is its numerator (no division); any other is scaled up
    const n = em.fresh(name);
    em.line(`let ${n} = ${v}.n;`);
    em.block(`if (${v}.d !== ${unit})`, () => {
      em.line(`if (${unit} % ${v}.d !== 0) ${em.fail}; // more places than the type has`);
      em.line(`${n} = ${v}.n * (${unit} / ${v}.d);`);
      em.check(n);
    });
    return { n, d: String(unit), sd: unit };
  }
  em.line(`if (${v}.n !== ${v}.n) ${em.fail}; // held as BigInt`);
  return { n: em.local(name, `${v}.n`), d: em.local(`${name}_d`, `${v}.d`) };
}

/** The facts of the month being settled, read once per function. */
function factsRow(em: Emitter): string {
  if (!em.preamble.has('facts')) {
    // the month's row as the caller read it, else read here
    em.preamble.set('facts', 'const row = month_row !== undefined ? month_row : ctx.p.facts.get(ctx.m);\n  if (row === undefined) return BAIL;\n  const facts = row.values;');
  }
  return 'facts';
}

/** A parameter's value, or undefined when it has none (an invalid value: the reference closure reports it when read). */
function paramValue(b: Binding): unknown {
  try {
    return b.fn(undefined as never);
  } catch {
    return undefined;
  }
}

function constantMember(e: Extract<Expr, { type: 'member' }>, s: GenScope): Num | undefined {
  if (e.object.type !== 'name') return undefined;
  const b = s.binding(e.object.name);
  if (b?.kind !== 'param') return undefined;
  const map = paramValue(b) as unknown as Record<string, Exact> | undefined;
  const v = map && Object.hasOwn(map, e.property) ? map[e.property] : undefined;
  return v instanceof Exact ? constant(v) : undefined;
}

function constantIndex(e: Extract<Expr, { type: 'index' }>, s: GenScope): Num | undefined {
  if (e.object.type !== 'name' || e.index.type !== 'number') return undefined;
  const b = s.binding(e.object.name);
  if (b?.kind !== 'param') return undefined;
  const list = paramValue(b) as unknown;
  const k = e.index.value;
  if (!Array.isArray(list) || !k.isInteger() || k.sign() < 0 || k.toNumber() >= list.length) return undefined;
  const v = list[k.toNumber()];
  return v instanceof Exact ? constant(v) : undefined;
}

/**
 * `sum(fact, window)` over a fact whose type gives its scale: one integer sum over the window's
 * months (the months list is the closures' own, cached), each month's value checked as a single
 * read is. A missing month or an empty cell bails: the closure reports it.
 */
function windowSum(e: Extract<Expr, { type: 'call' }>, em: Emitter, s: GenScope): Num | undefined {
  const [target, window] = e.args;
  if (target?.type !== 'name' || window?.type !== 'name' || !isWindow(window.name) || s.local?.(target.name)) return undefined;
  const b = s.binding(target.name);
  const slot = s.slot(target.name);
  const unit = slot && STATIC[slot.type];
  if (b?.kind !== 'fact' || slot?.source !== 'fact' || unit === undefined) return undefined;
  const total = em.fresh(`${target.name}_${window.name}`);
  em.line(`let ${total} = 0;`);
  const months = em.local('months', `H.windowMonths(${JSON.stringify(window.name)}, ${monthOf(s)})`);
  em.block(`for (let i = 0; i < ${months}.length; i++)`, () => {
    const row = em.local('row', `ctx.p.facts.get(${months}[i])`);
    em.line(`if (${row} === undefined) ${em.fail};`);
    const v = em.local(`${target.name}_exact`, `${row}.values[${slot.index}]`);
    em.line(`if (${v} === undefined) ${em.fail};`);
    // all the type's places: the numerator as it is; fewer: scaled up; more: bail
    const x = em.local(target.name, `${v}.d === ${unit} ? ${v}.n : ${unit} % ${v}.d === 0 ? ${v}.n * (${unit} / ${v}.d) : NaN`);
    em.line(`if (${x} !== ${x}) ${em.fail};`);
    em.check(x);
    em.line(`${total} += ${x};`);
    em.check(total);
  });
  return { n: total, d: String(unit), sd: unit };
}

/** The length of a parameter's list or table, known at compile time. */
function paramLength(e: Expr | undefined, s: GenScope): number | undefined {
  if (e?.type !== 'name') return undefined;
  const b = s.binding(e.name);
  const v = b?.kind === 'param' ? paramValue(b) : undefined;
  return Array.isArray(v) ? v.length : undefined;
}

/**
 * `list[i]` of a parameter's list of numbers with an index computed at run time: the elements
 * as numerators over one denominator, made at compile time; an index that is not a whole
 * number inside the list bails (the closure reports it).
 */
function listElement(e: Extract<Expr, { type: 'index' }>, em: Emitter, s: GenScope): Num | undefined {
  if (e.object.type !== 'name') return undefined;
  const b = s.binding(e.object.name);
  const list = b?.kind === 'param' ? paramValue(b) : undefined;
  if (!Array.isArray(list) || !list.length || !list.every((v) => v instanceof Exact)) return undefined;
  const values = list as Exact[];
  let d = 1;
  for (const v of values) {
    const k = constant(v);
    if (!k) return undefined;
    d = (d * k.sd!) / gcdNumber(d, k.sd!);
    if (d > 1e12) return undefined;
  }
  const numerators: number[] = [];
  for (const v of values) {
    const n = v.mul(Exact.of(d));
    if (!n.isInteger() || !Number.isSafeInteger(n.toNumber())) return undefined;
    numerators.push(n.toNumber());
  }
  const i = generateNumber(e.index, em, s);
  // a remainder of safe integers is exact, and so is the quotient when it is 0
  em.line(`if (${i.n} % ${i.d} !== 0) ${em.fail};`);
  const k = em.local('index', `${i.n} / ${i.d}`);
  em.line(`if (${k} < 0 || ${k} >= ${values.length}) ${em.fail};`);
  const n = em.local(`${e.object.name}_item`, `[${numerators.join(', ')}][${k}]`);
  return { n, d: String(d), sd: d };
}

/** A rank (a whole number) or population value, as the population pass left it for this month. */
function populationValue(name: string, em: Emitter, s: GenScope): Num {
  const row = em.local('population', `ctx.p.population === undefined ? undefined : ctx.p.population.get(${monthOf(s)})`);
  const v = em.local(`${name}_value`, `${row} === undefined ? undefined : ${row}.get(${JSON.stringify(name)})`);
  em.line(`if (${v} === undefined) ${em.fail}; // not ranked: the closure reports it`);
  const n = em.fresh(name), d = em.fresh(`${name}_d`);
  em.line(`let ${n}, ${d};`);
  em.block(`if (typeof ${v} === 'number')`, () => em.line(`${n} = ${v}; ${d} = 1;`));
  em.block('else', () => {
    em.line(`if (${v}.n !== ${v}.n) ${em.fail}; // held as BigInt`);
    em.line(`${n} = ${v}.n; ${d} = ${v}.d;`);
  });
  return { n, d };
}

/** The reference closure of the node, its exact value converted (BigInt: bail). */
function fallbackNumber(e: Expr, em: Emitter, s: GenScope): Num {
  const fn = s.compile(e)?.fn;
  if (!fn) throw new Error('an expression that compiled once did not compile again');
  const v = em.local(`${hintOf(e)}_exact`, `${s.closure(fn, describe(e))}(${ctxOf(s)})`);
  em.line(`if (${v}.n !== ${v}.n) ${em.fail};`);
  return { n: em.local(hintOf(e), `${v}.n`), d: em.local(`${hintOf(e)}_d`, `${v}.d`) };
}

const hintOf = (e: Expr): string =>
  e.type === 'name' ? e.name : e.type === 'call' ? e.callee : e.type === 'member' || e.type === 'index' ? `${hintOf(e.object)}_item` : 'value';

/** What a closure computes, for the comment next to it in generated code (names only, no user text). */
const describe = (e: Expr): string =>
  e.type === 'name' ? e.name : e.type === 'call' ? `${e.callee}(…)` : e.type === 'member' || e.type === 'index' ? `${describe(e.object)}[…]` : e.type;

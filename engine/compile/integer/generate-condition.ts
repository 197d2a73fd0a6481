// Generates integer code for a `when`, `gate` or `where` condition (all / any / not, named
// conditions, fact leaves) with json-rules-engine's order: children by priority, highest
// first, a group stops at its first deciding child. A numeric leaf compares two generated
// numbers by cross-multiplication; a leaf it does not generate (a path, text, `in`,
// `contains`, months) is evaluated by its own reference closure.
import { Exact } from '../../exact/exact.js';
import type { Expr } from '../../expression/ast.js';
import type { CompiledCondition } from '../compile-condition.js';
import type { Bool, Emitter } from './emitter.js';
import { generateBool, generateNumber, type GenScope } from './generate-expression.js';

export interface ConditionGenScope extends GenScope {
  /** The document of a named condition. */
  named: (name: string) => unknown;
  /** The reference closure of one condition document (a leaf the generator does not write). */
  compileCondition: (doc: unknown) => CompiledCondition | undefined;
}

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Exact) ? (v as Record<string, unknown>) : {};

const NUMERIC: Record<string, '<' | '<=' | '>' | '>='> = { lessThan: '<', lessThanInclusive: '<=', greaterThan: '>', greaterThanInclusive: '>=' };

const nameNode = (name: string): Expr => ({ type: 'name', name, start: 0, end: 0 });

export function generateCondition(doc: unknown, em: Emitter, s: ConditionGenScope): Bool {
  const c = obj(doc);
  if ('all' in c || 'any' in c) return group('all' in c ? 'all' : 'any', c, em, s);
  if ('not' in c) return { b: em.local('not', `!${generateCondition(c.not, em, s).b}`) };
  if ('condition' in c) return generateCondition(s.named(String(c.condition)), em, s);
  return leaf(c, em, s);
}

function group(kind: 'all' | 'any', c: Record<string, unknown>, em: Emitter, s: ConditionGenScope): Bool {
  const list = (c[kind] as unknown[]).map((d, i) => ({ d, i, priority: Number(obj(d).priority ?? 1) }));
  // json-rules-engine evaluates higher priority first; the sort is stable
  list.sort((a, b) => b.priority - a.priority);
  const r = em.fresh(kind);
  // an empty group holds, `any` included
  em.line(`let ${r} = ${kind === 'all' || !list.length};`);
  const label = em.fresh(`${kind}_group`);
  em.block(`${label}:`, () => {
    for (const { d } of list) {
      const b = generateCondition(d, em, s);
      em.line(kind === 'all' ? `if (!${b.b}) { ${r} = false; break ${label}; }` : `if (${b.b}) { ${r} = true; break ${label}; }`);
    }
  });
  return { b: r };
}

function leaf(c: Record<string, unknown>, em: Emitter, s: ConditionGenScope): Bool {
  const operator = String(c.operator);
  const fact = s.binding(String(c.fact));
  const v = c.value;
  const ref = v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Exact) && 'fact' in v ? obj(v) : undefined;
  const other = ref ? s.binding(String(ref.fact)) : undefined;
  const plain = c.path === undefined && ref?.path === undefined && fact && !fact.month && (!ref || (other && !other.month));
  if (plain) {
    const rightType = ref ? other!.type : v instanceof Exact ? 'number' : typeof v === 'boolean' ? 'boolean' : undefined;
    const left = nameNode(String(c.fact));
    const right = (): Expr => (ref ? nameNode(String(ref.fact)) : { type: 'number', value: v as Exact, text: '', start: 0, end: 0 });
    const op = NUMERIC[operator];
    if (op && fact.type === 'number' && rightType === 'number') {
      return em.compare(generateNumber(left, em, s), op, generateNumber(right(), em, s));
    }
    const equal = operator === 'equal' ? '===' : operator === 'notEqual' ? '!==' : undefined;
    if (equal && fact.type === 'number' && rightType === 'number') {
      return em.compare(generateNumber(left, em, s), equal, generateNumber(right(), em, s));
    }
    if (equal && fact.type === 'boolean' && rightType === 'boolean') {
      const a = generateBool(left, em, s);
      const b = ref ? generateBool(nameNode(String(ref.fact)), em, s).b : String(v);
      return { b: em.local('same', `${a.b} ${equal} ${b}`) };
    }
  }
  const compiled = s.compileCondition(c);
  if (!compiled) throw new Error('a condition that compiled once did not compile again');
  return { b: em.local('holds', `${s.closure(compiled.test, `condition on ${String(c.fact)}`)}(ctx)`) };
}

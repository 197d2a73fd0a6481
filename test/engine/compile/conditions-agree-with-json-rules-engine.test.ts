// json-rules-engine is the reference for what a condition means. Random conditions (all/any/not
// nesting, priorities, every operator, `value: {fact}`, `path`) over random facts are compiled by
// the engine's condition compiler and run by json-rules-engine itself: the results must agree,
// and the traced evaluation must agree with the fast one.
import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { compileCondition, type ConditionScope } from '../../../engine/compile/compile-condition.js';
import type { Binding } from '../../../engine/compile/compile-expression.js';
import type { Ctx } from '../../../engine/compile/runtime.js';
import type { Value, ValueType } from '../../../engine/compile/values.js';
import { Exact } from '../../../engine/exact/exact.js';
import { renderText } from '../../../engine/messages/render.js';

// A neutral description of facts and conditions, turned into each engine's own form:
// numbers are decimal text, Exact for Ratecard (as YAML gives it) and a JS number for json-rules-engine.
type Scalar = { num: string } | { str: string } | { bool: boolean };
type Operand = Scalar | { list: Scalar[] } | { ref: string; path?: string };
type Spec =
  | { group: 'all' | 'any'; children: Spec[]; priority?: number }
  | { not: Spec; priority?: number }
  | { fact: string; path?: string; operator: string; value: Operand; priority?: number };

interface Facts { n1: string; n2: string; n3: string; 'Fee-Rate': string; s1: string; b1: boolean; l1: string[]; ls: string[]; m1: { x: string; y: string } }

// `Fee-Rate`: json-rules-engine takes any fact name, capitals and hyphens included
const TYPES: Record<keyof Facts, ValueType> = { n1: 'number', n2: 'number', n3: 'number', 'Fee-Rate': 'number', s1: 'string', b1: 'boolean', l1: 'list', ls: 'list', m1: 'map' };
const NUMERIC = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'];

// a small pool of decimals so that equality and ties happen often
const decimal = fc.oneof(
  fc.constantFrom('0', '1', '-1', '0.1', '0.2', '0.3', '1.25', '2.5', '100', '-0.05'),
  fc.integer({ min: -20000, max: 20000 }).map((c) => Exact.ratio(c, 100).toString()),
);
const word = fc.constantFrom('a', 'b', 'c', 'rural', 'postal', '农村', 'B-2');
const scalar: fc.Arbitrary<Scalar> = fc.oneof(decimal.map((num) => ({ num })), word.map((str) => ({ str })), fc.boolean().map((bool) => ({ bool })));

const facts: fc.Arbitrary<Facts> = fc.record({
  n1: decimal, n2: decimal, n3: decimal, 'Fee-Rate': decimal, s1: word, b1: fc.boolean(),
  l1: fc.array(decimal, { maxLength: 3 }), ls: fc.array(word, { maxLength: 3 }),
  m1: fc.record({ x: decimal, y: decimal }),
});

// numbers a numeric operator may compare: number facts, and paths into the map and the list
const numberSource = fc.oneof(
  fc.constantFrom('n1', 'n2', 'n3', 'Fee-Rate').map((fact) => ({ fact })),
  fc.constantFrom('$.x', '$.y').map((path) => ({ fact: 'm1', path })),
  fc.constantFrom('$[0]', '$[1]', '$.length').map((path) => ({ fact: 'l1', path })),
  fc.constantFrom('$.length').map((path) => ({ fact: 'ls', path })),
);
const numberOperand: fc.Arbitrary<Operand> = fc.oneof(
  decimal.map((num) => ({ num })),
  numberSource.map((s) => ({ ref: s.fact, path: 'path' in s ? s.path : undefined })),
);
const priority = fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined });

const leaf: fc.Arbitrary<Spec> = fc.oneof(
  fc.record({ source: numberSource, operator: fc.constantFrom(...NUMERIC), value: numberOperand, priority })
    .map(({ source, ...rest }) => ({ ...source, ...rest })),
  fc.record({
    fact: fc.constantFrom('n1', 'n2', 's1', 'b1'), operator: fc.constantFrom('equal', 'notEqual'),
    value: fc.oneof(scalar, fc.constantFrom('n1', 'n2', 'n3', 's1', 'b1').map((ref) => ({ ref }))), priority,
  }),
  fc.record({
    fact: fc.constantFrom('n1', 'n2', 's1', 'b1'), operator: fc.constantFrom('in', 'notIn'),
    value: fc.oneof(fc.array(scalar, { maxLength: 4 }).map((list) => ({ list })), fc.constantFrom('l1', 'ls').map((ref) => ({ ref }))), priority,
  }),
  fc.record({
    fact: fc.constantFrom('l1', 'ls'), operator: fc.constantFrom('contains', 'doesNotContain'),
    value: fc.oneof(scalar, fc.constantFrom('n1', 's1').map((ref) => ({ ref }))), priority,
  }),
  // a path into a value that has no parts (a number, a text, a true/false) or past a map's own keys
  fc.record({
    fact: fc.constantFrom('n1', 's1', 'b1', 'm1'), path: fc.constantFrom('$.x', '$[0]', '$.length', '$.constructor', '$.toString'),
    operator: fc.constantFrom('equal', 'notEqual'), value: scalar, priority,
  }),
);

const condition = fc.letrec<{ node: Spec; root: Spec }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('root')),
  root: fc.oneof(
    fc.record({ group: fc.constantFrom('all' as const, 'any' as const), children: fc.array(tie('node'), { maxLength: 4 }), priority }),
    fc.record({ not: tie('node'), priority }),
  ),
})).root;

// ---- Ratecard's side: the document as YAML would give it, compiled with a scope of facts ----

const exactOf = (s: Scalar): Value => ('num' in s ? Exact.parse(s.num) : 'str' in s ? s.str : s.bool);

function ratecardDoc(spec: Spec): unknown {
  const p = spec.priority === undefined ? {} : { priority: Exact.of(spec.priority) };
  if ('group' in spec) return { [spec.group]: spec.children.map(ratecardDoc), ...p };
  if ('not' in spec) return { not: ratecardDoc(spec.not), ...p };
  const v = spec.value;
  const value = 'ref' in v ? { fact: v.ref, ...(v.path ? { path: v.path } : {}) } : 'list' in v ? v.list.map(exactOf) : exactOf(v);
  return { fact: spec.fact, operator: spec.operator, value, ...(spec.path ? { path: spec.path } : {}), ...p };
}

function ratecardValues(f: Facts): Record<string, Value> {
  return {
    n1: Exact.parse(f.n1), n2: Exact.parse(f.n2), n3: Exact.parse(f.n3), 'Fee-Rate': Exact.parse(f['Fee-Rate']), s1: f.s1, b1: f.b1,
    l1: f.l1.map((x) => Exact.parse(x)), ls: f.ls as unknown as Value,
    m1: { x: Exact.parse(f.m1.x), y: Exact.parse(f.m1.y) },
  };
}

function compileWithScope(spec: Spec) {
  let current: Record<string, Value> = {};
  const problems: string[] = [];
  const scope: ConditionScope = {
    resolve: (name) => name in TYPES
      ? ({ kind: 'fact', type: TYPES[name as keyof Facts], fn: () => current[name] } as Binding)
      : undefined,
    report: (message) => { problems.push(renderText(message)); },
    named: () => undefined,
  };
  const compiled = compileCondition(ratecardDoc(spec), ['when'], scope);
  return { compiled, problems, use: (f: Facts) => { current = ratecardValues(f); } };
}

// ---- json-rules-engine's side: the same condition as plain JSON, run by its Engine ----

const jsOf = (s: Scalar): unknown => ('num' in s ? Number(s.num) : 'str' in s ? s.str : s.bool);

function jreDoc(spec: Spec): Record<string, unknown> {
  const p = spec.priority === undefined ? {} : { priority: spec.priority };
  if ('group' in spec) return { [spec.group]: spec.children.map(jreDoc), ...p };
  if ('not' in spec) return { not: jreDoc(spec.not), ...p };
  const v = spec.value;
  const value = 'ref' in v ? { fact: v.ref, ...(v.path ? { path: v.path } : {}) } : 'list' in v ? v.list.map(jsOf) : jsOf(v);
  return { fact: spec.fact, operator: spec.operator, value, ...(spec.path ? { path: spec.path } : {}), ...p };
}

const jreFacts = (f: Facts) => ({
  n1: Number(f.n1), n2: Number(f.n2), n3: Number(f.n3), 'Fee-Rate': Number(f['Fee-Rate']), s1: f.s1, b1: f.b1,
  l1: f.l1.map(Number), ls: [...f.ls], m1: { x: Number(f.m1.x), y: Number(f.m1.y) },
});

async function jreResult(spec: Spec, f: Facts): Promise<boolean> {
  const engine = new Engine();
  engine.addRule({ conditions: jreDoc(spec) as never, event: { type: 'held' } });
  const { events } = await engine.run(jreFacts(f));
  return events.length === 1;
}

describe('compiled conditions agree with json-rules-engine', () => {
  it('on random conditions and facts', async () => {
    await fc.assert(
      fc.asyncProperty(condition, fc.array(facts, { minLength: 1, maxLength: 4 }), async (spec, factSets) => {
        const { compiled, problems, use } = compileWithScope(spec);
        expect(problems).toEqual([]);
        expect(compiled).toBeDefined();
        const ctx = { p: undefined, m: 0 } as unknown as Ctx;
        for (const f of factSets) {
          use(f);
          const ours = compiled!.test(ctx);
          expect(ours, JSON.stringify({ spec: jreDoc(spec), facts: jreFacts(f) })).toBe(await jreResult(spec, f));
          expect(compiled!.trace(ctx, 'when').result).toBe(ours);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('on the cases that differ between languages: empty groups, decimals, paths past the end', async () => {
    const f: Facts = { n1: '0.3', n2: '0.1', n3: '0.2', 'Fee-Rate': '0.98', s1: 'a', b1: true, l1: [], ls: ['a'], m1: { x: '1.25', y: '0' } };
    const cases: Spec[] = [
      { group: 'all', children: [] },
      { group: 'any', children: [] },
      { not: { group: 'any', children: [] } },
      { group: 'all', children: [{ fact: 'n1', operator: 'equal', value: { num: '0.3' } }] },
      { group: 'any', children: [{ fact: 'l1', path: '$[0]', operator: 'lessThan', value: { num: '1' } }] },
      { group: 'any', children: [{ fact: 'l1', path: '$[0]', operator: 'notEqual', value: { num: '1' } }] },
      { group: 'all', children: [{ fact: 'm1', path: '$.x', operator: 'greaterThanInclusive', value: { ref: 'm1', path: '$.x' } }] },
      { group: 'all', children: [{ fact: 's1', operator: 'in', value: { ref: 'ls' } }] },
      { group: 'all', children: [{ fact: 'ls', operator: 'doesNotContain', value: { ref: 's1' } }] },
      { group: 'all', children: [{ fact: 's1', path: '$.length', operator: 'equal', value: { num: '1' } }] },
      { group: 'all', children: [{ fact: 'm1', path: '$.constructor', operator: 'notEqual', value: { num: '1' } }] },
      { group: 'all', children: [{ fact: 'n1', path: '$.x', operator: 'notEqual', value: { num: '1' } }] },
      { group: 'all', children: [{ fact: 'l1', path: '$.length', operator: 'equal', value: { num: '0' } }] },
      { group: 'any', children: [{ fact: 'Fee-Rate', operator: 'greaterThanInclusive', value: { num: '0.98' } }] },
    ];
    const ctx = { p: undefined, m: 0 } as unknown as Ctx;
    for (const spec of cases) {
      const { compiled, problems, use } = compileWithScope(spec);
      expect(problems).toEqual([]);
      use(f);
      expect(compiled!.test(ctx), JSON.stringify(jreDoc(spec))).toBe(await jreResult(spec, f));
      expect(compiled!.trace(ctx, 'when').result).toBe(compiled!.test(ctx));
    }
  });
});

// The last pass of compilation: one generated function per rule part (`when`, `gate`, amount)
// from the policy's parsed trees, over safe integers. What is not generated stays on the
// reference closures, and says so in `IntegerRule.fallback`: a whole amount (refunds,
// allocations, instalments, clawbacks, per-transaction sums), a node inside an expression
// (windows, `has`, text) or a condition leaf. At run time a generated function that meets a
// number past 2^53 or a division by zero returns BAIL, and the caller evaluates that rule part
// with the reference closures instead.
import { Exact } from '../../exact/exact.js';
import type { Expr } from '../../expression/ast.js';
import { parseExpression } from '../../expression/parse-expression.js';
import type { CompiledMetric, CompiledRule } from '../plan.js';
import type { Ctx } from '../runtime.js';
import type { FactRow } from '../../data/dataset.js';
import { Emitter, jsName } from './emitter.js';
import { generateAmount } from './generate-amount.js';
import { generateEach, NotGenerated } from './generate-each.js';
import { type ConditionGenScope, generateCondition } from './generate-condition.js';
import type { GenScope } from './generate-expression.js';
import { INTEGER_HELPERS } from './integer-runtime.js';
import { generateMonth, type MonthProgram, type RuleWriters } from './generate-month.js';
import { generateRankKeys } from './generate-rank-keys.js';

/** What a generated condition returns when it cannot decide in integers. */
export const CONDITION_BAIL = 2;

/**
 * A generated function: `flagged` collects the transactions a per-transaction rule's `where` flags;
 * `facts`, when given, is the facts row of `ctx.m` (read once per month by the caller, not once per rule part).
 */
export type Generated = (ctx: Ctx, flagged: number[], facts?: FactRow) => number;

export interface IntegerRule {
  /** 1 holds, 0 does not, CONDITION_BAIL: ask the reference closure. */
  when?: Generated;
  gate?: Generated;
  /**
   * The rounded amount in units of the policy's scale (before a deduction's sign), or NaN: ask
   * the reference. A per-transaction rule adds the index of each transaction its `where` flags to `flagged`.
   */
  amount?: Generated;
  /** The generated source of each function, for reading and for tests. */
  source: string[];
  /** Why a part is not generated (whole part) or which nodes call reference closures. */
  fallback: string[];
  /**
   * One more function of this rule, made when first asked (explanations, generate-explain.ts):
   * `(ctx, out)`, BAIL is NaN, neither its source nor its fallbacks listed.
   */
  generate?: (part: string, write: (em: Emitter, s: ConditionGenScope, doc: Record<string, unknown>) => string | undefined) => Generated | undefined;
}

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Exact) ? (v as Record<string, unknown>) : {};

export interface IntegerPlanInput {
  doc: Record<string, unknown>;
  rules: CompiledRule[];
  rounding: { scale: number; mode: string };
  /** The scope every expression and condition of the policy was compiled in. */
  scope: Omit<ConditionGenScope, 'closure' | 'metricTree' | 'scale'>;
  /** The policy's metrics: a rank metric gets a generated reader of its keys. */
  metrics?: CompiledMetric[];
}

/** Writes a rule part's code into `em` and returns the JS expression of its result (undefined: not generated). */
export type PartWriter = (em: Emitter, s: ConditionGenScope) => string | undefined;

/**
 * Adds generated functions to the rules (a part that cannot be generated is left to its
 * closures) and returns the month's function of the rules generated whole, if any is.
 */
export function generateIntegerRules(input: IntegerPlanInput): MonthProgram | undefined {
  const metricDocs = obj(input.doc.metrics);
  const trees = new Map<string, Expr | undefined>();
  const metricTree = (name: string) => {
    if (!trees.has(name)) {
      const d = metricDocs[name];
      const text = typeof d === 'string' || d instanceof Exact ? d : obj(d).rank === undefined && obj(d).population === undefined ? obj(d).expr : undefined;
      trees.set(name, text === undefined ? undefined : parseExpression(text instanceof Exact ? text.toString() : String(text)));
    }
    return trees.get(name);
  };
  const population = (name: string) => { const d = obj(metricDocs[name]); return d.rank !== undefined || d.population !== undefined; };
  const ruleDocs = (input.doc.rules as unknown[]).map(obj);
  const fields = Object.entries(obj(obj(input.doc.transactions).fields)).map(([name, d]): [string, string] => [name, String(obj(d).type ?? 'number')]);
  const { scale, mode } = input.rounding;
  const writers: RuleWriters[] = [];
  for (const rule of input.rules) {
    const doc = ruleDocs[rule.index];
    const source: string[] = [];
    const fallback: string[] = [];
    const make = (part: string, bail: number, write: PartWriter, params?: string) => {
      const listed = params === undefined;
      const closures: unknown[] = [];
      const s: ConditionGenScope = {
        ...input.scope, metricTree, scale, population,
        closure: (fn, what) => {
          closures.push(fn);
          if (listed) fallback.push(`${rule.id} ${part}: ${what} by its reference closure`);
          return `C[${closures.length - 1}] /* ${what.replace(/[^A-Za-z0-9_ .()…-]/g, '_')} */`;
        },
      };
      const em = new Emitter('BAIL');
      let result: string | undefined;
      try {
        result = write(em, s);
      } catch (e) {
        if (!(e instanceof NotGenerated)) throw e;
      }
      if (result === undefined) return undefined;
      const name = `${jsName(rule.id)}_${part}`;
      // the month's row when the caller read it (after the other parameters: a call that gives none reads it here)
      const rest = params ?? (rule.amount.type === 'each' && part === 'amount' ? ', flagged' : em.preamble.has('facts') ? ', _flagged' : '');
      const text = `function ${name}(ctx${rest}${em.preamble.has('facts') ? ', month_row' : ''}) {\n${[...em.preamble.values()].map((p) => `  ${p}\n`).join('')}${em.body()}\n  return ${result};\n}`;
      if (listed) source.push(text);
      try {
        // eslint-disable-next-line no-new-func -- the code is generated from the parsed policy, with generated names only
        // C: the reference closures it calls, H: integer division and rounding, MAX: 2^53 − 1
        return new Function('C', 'H', 'BAIL', 'MAX', `"use strict";\nreturn ${text};`)(closures, INTEGER_HELPERS, bail, Number.MAX_SAFE_INTEGER) as Generated;
      } catch {
        if (listed) fallback.push(`${rule.id} ${part}: code generation is not allowed here (no eval): reference closures`);
        return undefined;
      }
    };
    const condition = (d: unknown): PartWriter => (em, s) => `${generateCondition(d, em, s).b} ? 1 : 0`;
    const amount: PartWriter = (em, s) => {
      const exact = rule.amount.type === 'each'
        ? generateEach(doc, rule.amount, fields, em, s, input.rounding)
        : generateAmount(doc, rule.amount, em, s);
      if (!exact) return undefined;
      return em.round(exact, scale, mode).n;
    };
    const integer: IntegerRule = { source, fallback };
    const when = rule.when ? condition(doc.when) : undefined, gate = rule.gate ? condition(doc.gate) : undefined;
    if (when) integer.when = make('when', CONDITION_BAIL, when);
    if (gate) integer.gate = make('gate', CONDITION_BAIL, gate);
    if (scale <= 15) integer.amount = make('amount', NaN, amount);
    if (!integer.amount) fallback.push(`${rule.id} amount: \`${rule.amount.type}\` is evaluated by the reference closures`);
    if (scale <= 15) integer.generate = (part, write) => make(part, NaN, (em, s) => write(em, s, doc), ', out');
    rule.integer = integer;
    // whole in the month's function: every part generated, no per-transaction loop
    const whole = integer.amount && rule.amount.type !== 'each' && (!rule.when || integer.when) && (!rule.gate || integer.gate);
    writers.push(whole ? { when, gate, amount } : {});
  }
  for (const metric of input.metrics ?? []) {
    if (metric.rank) metric.rank.integer = generateRankKeys(metric.name, metric.rank.by, { ...input.scope, metricTree, scale, population });
  }
  return scale <= 15 ? generateMonth(input.rules, writers, { ...input.scope, metricTree, scale, population }) : undefined;
}

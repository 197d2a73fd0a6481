// Generated reader of a rank metric's keys: one function per rank metric that reads every key of
// a payee's month in integers (facts over their scale, metrics inlined, as the rules' generated
// code reads them) and writes each key's numerator, denominator (above 0, not reduced) and float
// quotient into the rank pass's columns (RankColumns). Read through the closures, every key was
// an `Exact` made per operation, each with its gcd. A key past 2^53, held as BigInt or divided
// by zero makes the reader return 0 before it writes anything: the caller reads that entry's keys
// with the closures, which give the exact value or report the error as before.
import type { Ctx } from '../runtime.js';
import { Emitter, jsName, NotGenerated, type Num } from './emitter.js';
import { type GenScope, generateNumber } from './generate-expression.js';
import { INTEGER_HELPERS } from './integer-runtime.js';

/** Writes entry `i`'s keys (`n[k][i]`, `d[k][i]`, `q[k][i]` = n / d) and returns 1, or returns 0 having written nothing. */
export type RankKeysReader = (ctx: Ctx, n: Float64Array[], d: Float64Array[], q: Float64Array[], i: number) => number;

export interface GeneratedRankKeys {
  read?: RankKeysReader;
  /** The generated source, for reading and for tests. */
  source: string;
  /** Key expressions read by their reference closures inside the generated code. */
  fallback: string[];
}

/** The reader of `metric`'s keys (`by`, each a metric or a fact), undefined when code cannot be generated here. */
export function generateRankKeys(metric: string, by: readonly { name: string }[], scope: Omit<GenScope, 'closure'>): GeneratedRankKeys | undefined {
  const closures: unknown[] = [];
  const fallback: string[] = [];
  const s: GenScope = {
    ...scope,
    closure: (fn, what) => {
      closures.push(fn);
      fallback.push(`${metric} key: ${what} by its reference closure`);
      return `C[${closures.length - 1}]`;
    },
  };
  const em = new Emitter('BAIL');
  try {
    const keys: Num[] = by.map((k) => generateNumber({ type: 'name', name: k.name, start: 0, end: k.name.length }, em, s));
    // every key computed and checked before the first is written: a bail leaves the entry untouched
    keys.forEach((key, k) => em.line(`n[${k}][i] = ${key.n}; d[${k}][i] = ${key.d}; q[${k}][i] = ${key.n} / ${key.d};`));
  } catch (e) {
    if (e instanceof NotGenerated) return undefined; // too large to generate: the closures read the keys
    throw e;
  }
  const name = `${jsName(metric)}_keys`;
  const source = `function ${name}(ctx, n, d, q, i${em.preamble.has('facts') ? ', month_row' : ''}) {\n${[...em.preamble.values()].map((p) => `  ${p}\n`).join('')}${em.body()}\n  return 1;\n}`;
  try {
    // eslint-disable-next-line no-new-func -- the code is generated from the parsed policy, with generated names only
    const read = new Function('C', 'H', 'BAIL', 'MAX', `"use strict";\nreturn ${source};`)(closures, INTEGER_HELPERS, 0, Number.MAX_SAFE_INTEGER) as RankKeysReader;
    return { read, source, fallback };
  } catch {
    // code generation is not allowed here (no eval): the closures read the keys
    return undefined;
  }
}

// Writes the body of one generated function: JavaScript statements over safe integers, each
// number a numerator and a positive denominator (not reduced). A denominator known when the
// policy is compiled (a money fact has 100, a count 1, a literal or parameter its own) is
// written as a constant: that is the scale inferred at compile time, and sums of two values of
// one scale need no product. Every product and sum is checked against 2^53 − 1 (a float result
// past that bound is past it in exact arithmetic too, so the check is exact); past it, or on a
// division by zero, the function returns its BAIL value and the caller evaluates the same rule
// with the reference closures, which use exact rationals of any size (and report the error).
import { Exact } from '../../exact/exact.js';

/** A number in generated code: `n / d` (JS expressions), `d` > 0; `sd` when d is a constant; `c` when the whole value is. */
export interface Num { n: string; d: string; sd?: number; c?: Exact }
/** A true/false value in generated code. */
export interface Bool { b: string }

const safe = (x: number) => Number.isSafeInteger(x);
const gcd = (a: number, b: number): number => { a = Math.abs(a); while (b) { const t = a % b; a = b; b = t; } return a; };

/** A constant the generated code can hold: a reduced fraction of safe integers. */
export function constant(v: Exact): Num | undefined {
  if (!safe(v.n) || !safe(v.d)) return undefined; // held as BigInt: not generated
  return { n: lit(v.n), d: String(v.d), sd: v.d, c: v };
}
const lit = (x: number) => (x < 0 ? `(${x})` : String(x));

/**
 * Thrown where code is not generated (a closure would be needed in a transaction's scope, or the
 * function grew past MAX_LINES): the part, rule or reader is left to the reference closures.
 */
export class NotGenerated extends Error {}

/** Lines one generated function may have: what a user can write stays bounded (a metric chain, a long policy). */
export const MAX_LINES = 20_000;

/** A policy's name as part of a generated JS name: letters, digits and `_` only. */
export const jsName = (text: string): string => text.replace(/[^A-Za-z0-9_]/g, '_');

export interface EmitterMark { lines: number; depth: number; seq: number; preamble: Set<string> }

export class Emitter {
  private lines: string[] = [];
  private depth = 1;
  private count = 0;
  /** The names of values the function reads once at its start (facts row, transaction). */
  readonly preamble = new Map<string, string>();

  /** The statement that gives up: `return BAIL` in a rule part's function, a return of the rule's index in a month's. */
  fail: string;

  constructor(readonly bail: string, fail?: string) {
    this.fail = fail ?? `return ${bail}`;
  }

  fresh(hint: string): string {
    return `${jsName(hint).slice(0, 40)}_${this.count++}`;
  }

  line(s: string): void {
    if (this.lines.length >= MAX_LINES) throw new NotGenerated();
    this.lines.push('  '.repeat(this.depth) + s);
  }

  /**
   * Values already read (a fact at its scale), by where they were read from, with the depth of
   * the block that declared them: read again in that block or deeper, the local is reused.
   */
  private readonly reads = new Map<string, { value: Num | Bool; depth: number; seq: number }>();
  private seq = 0;

  /** The value read or computed as `key` before in a block still open, if any (a fact's value, a metric's). */
  reread<T extends Num | Bool>(key: string): T | undefined { return this.reads.get(key)?.value as T | undefined; }

  remember<T extends Num | Bool>(key: string, value: T): T {
    this.reads.set(key, { value, depth: this.depth, seq: this.seq++ });
    return value;
  }

  /** Where the code stands now, to go back to when what follows cannot be generated. */
  mark(): EmitterMark {
    return { lines: this.lines.length, depth: this.depth, seq: this.seq, preamble: new Set(this.preamble.keys()) };
  }

  /** Forgets what was emitted after `m` (lines, reads, preamble entries): an unfinished block included. */
  rollback(m: EmitterMark): void {
    this.lines.length = m.lines;
    this.depth = m.depth;
    for (const [k, r] of this.reads) if (r.seq >= m.seq) this.reads.delete(k);
    for (const k of [...this.preamble.keys()]) if (!m.preamble.has(k)) this.preamble.delete(k);
  }

  /** `{ … }` around what `body` emits. */
  block(head: string, body: () => void): void {
    this.line(`${head} {`);
    this.depth++;
    body();
    // what the block declared is out of scope after it
    for (const [k, r] of this.reads) if (r.depth >= this.depth) this.reads.delete(k);
    this.depth--;
    this.line('}');
  }

  local(hint: string, expr: string, mutable = false): string {
    const name = this.fresh(hint);
    this.line(`${mutable ? 'let' : 'const'} ${name} = ${expr};`);
    return name;
  }

  /** Returns BAIL when `x` is not a safe integer (after a product or sum of safe integers). */
  check(x: string): void {
    this.line(`if (${x} > MAX || ${x} < -MAX) ${this.fail};`);
  }

  /** a × b, checked (an expression or a local). */
  private product(hint: string, a: string, b: string): string {
    if (a === '1') return b;
    if (b === '1') return a;
    const p = this.local(hint, `${a} * ${b}`);
    this.check(p);
    return p;
  }

  body(): string { return this.lines.join('\n'); }

  add(a: Num, b: Num, hint = 'sum'): Num {
    if (a.c && b.c) { const k = constant(a.c.add(b.c)); if (k) return k; }
    if (b.c?.isZero()) return a;
    if (a.c?.isZero()) return b;
    if (a.sd !== undefined && b.sd !== undefined) {
      const l = (a.sd / gcd(a.sd, b.sd)) * b.sd;
      if (safe(l) && l <= 1e15) {
        const x = this.product(hint, a.n, String(l / a.sd));
        const y = this.product(hint, b.n, String(l / b.sd));
        const n = this.local(hint, `${x} + ${y}`);
        this.check(n);
        return { n, d: String(l), sd: l };
      }
    }
    // denominators known only at run time: the same one adds numerators, else cross-multiply
    const n = this.fresh(hint), d = this.fresh(`${hint}_d`);
    this.line(`let ${n}, ${d};`);
    this.block(`if (${a.d} === ${b.d})`, () => { this.line(`${n} = ${a.n} + ${b.n}; ${d} = ${a.d};`); });
    this.block('else', () => {
      const x = this.product(hint, a.n, b.d), y = this.product(hint, b.n, a.d), dd = this.product(`${hint}_d`, a.d, b.d);
      this.line(`${n} = ${x} + ${y}; ${d} = ${dd};`);
    });
    this.check(n);
    return { n, d };
  }

  neg(a: Num): Num {
    if (a.c) return constant(a.c.neg())!;
    return { n: this.local('neg', `-${a.n}`), d: a.d, sd: a.sd };
  }

  sub(a: Num, b: Num, hint = 'diff'): Num { return this.add(a, this.neg(b), hint); }

  mul(a: Num, b: Num, hint = 'product'): Num {
    if (a.c && b.c) { const k = constant(a.c.mul(b.c)); if (k) return k; }
    const n = this.product(hint, a.n, b.n);
    if (a.sd !== undefined && b.sd !== undefined && safe(a.sd * b.sd)) {
      const sd = a.sd * b.sd;
      return { n, d: String(sd), sd };
    }
    return { n, d: this.product(`${hint}_d`, a.d, b.d) };
  }

  div(a: Num, b: Num, hint = 'quotient'): Num {
    if (b.c) {
      if (b.c.isZero()) { this.line(`${this.fail}; // division by zero: the reference path reports it`); return a; }
      // a constant divisor: multiply by its inverse, the sign known now
      const inverse = constant(Exact.ONE.div(b.c));
      if (inverse) return this.mul(a, inverse, hint);
    }
    this.line(`if (${b.n} === 0) ${this.fail};`);
    const n = this.fresh(hint), d = this.fresh(`${hint}_d`);
    if (a.sd !== undefined && a.sd === b.sd) {
      // one scale: the scales cancel, (a/s) / (b/s) = a / b
      this.line(`let ${n} = ${a.n}, ${d} = ${b.n};`);
      this.line(`if (${d} < 0) { ${n} = -${n}; ${d} = -${d}; }`);
      return { n, d };
    }
    const x = this.product(hint, a.n, b.d), y = this.product(`${hint}_d`, a.d, b.n);
    this.line(`let ${n} = ${x}, ${d} = ${y};`);
    this.line(`if (${d} < 0) { ${n} = -${n}; ${d} = -${d}; }`);
    return { n, d };
  }

  /** Two JS expressions whose comparison is the comparison of a and b. */
  comparable(a: Num, b: Num): [string, string] {
    if (a.sd !== undefined && a.sd === b.sd) return [a.n, b.n];
    // a constant at the other side's scale, when it has no more places than that scale
    const at = (k: Exact, sd: number) => { const x = k.mul(Exact.of(sd)); return x.isInteger() && safe(x.n) ? lit(x.n) : undefined; };
    if (b.c && a.sd !== undefined) { const k = at(b.c, a.sd); if (k !== undefined) return [a.n, k]; }
    if (a.c && b.sd !== undefined) { const k = at(a.c, b.sd); if (k !== undefined) return [k, b.n]; }
    if (b.sd === 1) return [a.n, this.product('scaled', b.n, a.d)];
    if (a.sd === 1) return [this.product('scaled', a.n, b.d), b.n];
    return [this.product('cross', a.n, b.d), this.product('cross', b.n, a.d)];
  }

  compare(a: Num, op: '<' | '<=' | '>' | '>=' | '===' | '!==', b: Num): Bool {
    if (a.c && b.c) {
      const c = a.c.cmp(b.c);
      const v = op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : op === '>=' ? c >= 0 : op === '===' ? c === 0 : c !== 0;
      return { b: String(v) };
    }
    const [x, y] = this.comparable(a, b);
    return { b: this.local('holds', `${x} ${op} ${y}`) };
  }

  /** min or max of several. */
  pick(values: Num[], which: 'min' | 'max'): Num {
    return values.reduce((best, v) => {
      const [x, y] = this.comparable(v, best);
      const takes = this.local(`takes_${which}`, `${x} ${which === 'min' ? '<' : '>'} ${y}`);
      const sd = best.sd !== undefined && best.sd === v.sd ? best.sd : undefined;
      return {
        n: this.local(which, `${takes} ? ${v.n} : ${best.n}`),
        d: sd !== undefined ? String(sd) : this.local(`${which}_d`, `${takes} ? ${v.d} : ${best.d}`),
        sd,
      };
    });
  }

  /** An integer from n/d by `H.<fn>` (floorDiv, ceilDiv, roundHalfUp) or `H.roundDiv(…, mode)`. */
  integer(a: Num, call: (n: string, d: string) => string, hint: string): Num {
    if (a.sd === 1) return a;
    return { n: this.local(hint, call(a.n, a.d)), d: '1', sd: 1 };
  }

  /** a rounded to `places` decimal places. */
  round(a: Num, places: number, mode: string): Num {
    const f = 10 ** places;
    if (a.sd !== undefined && f % a.sd === 0) {
      return { n: this.product('units', a.n, String(f / a.sd)), d: String(f), sd: f };
    }
    const scaled = this.product('scaled', a.n, String(f));
    const call = mode === 'half-up' ? `H.roundHalfUp(${scaled}, ${a.d})` : `H.roundDiv(${scaled}, ${a.d}, ${JSON.stringify(mode)})`;
    return { n: this.local('units', call), d: String(f), sd: f };
  }
}

// A statement line whose explanation is written when it is read (issue 13.3): in `explanation`
// detail a line computed by generated code keeps the integers its sentence prints in the run's
// pool (typed arrays: nothing for the collector to copy) and its text is made on each read. A
// statement of 10,000 rural payees kept 150 MB of explanation text (two-byte strings: `→`, `…`)
// that the collector copied and marked; written as read (a CSV row at a time) each text dies
// young. Its id is made when read too (copy it with `plainLine`).
import { lineId } from '../compile/runtime.js';
import type { LineKind, LineTrace, StatementLine } from '../types.js';
import { lineJson } from './line-json.js';

/**
 * The integers of many lines' explanations, appended as lines are made; one per run. In blocks
 * that are never grown (a line keeps its block): growing one array by copying cost 3 % of an
 * explained run.
 */
export class ExplanationPool {
  /** The block being filled, and how much of it is. */
  values = new Float64Array(BLOCK);
  length = 0;

  /** Room for `n` values in `values` (a new block when the last is full); their first index. */
  reserve(n: number): number {
    if (this.length + n > this.values.length) {
      this.values = new Float64Array(Math.max(BLOCK, n));
      this.length = 0;
    }
    const at = this.length;
    this.length = at + n;
    return at;
  }
}

const BLOCK = 1 << 16;

/** What writes a line's sentence from the values it kept in a pool. */
export interface PooledExplainer {
  /** Copies the values the last computed line kept into `pool`; their first index. */
  keep(pool: ExplanationPool): number;
  /** The sentence from the values at `at`, the line's rounded amount text as it is written. */
  write(values: Float64Array, at: number, rounded: string): string;
}

export class ExplainedLine implements StatementLine {
  readonly #values: Float64Array;
  readonly #at: number;
  readonly #explainer: PooledExplainer;

  constructor(
    readonly period: string, readonly payeeId: string, readonly policy: string,
    readonly line: string, readonly kind: LineKind, readonly amount: string, readonly trace: LineTrace,
    pool: ExplanationPool, explainer: PooledExplainer,
  ) {
    this.#explainer = explainer;
    this.#at = explainer.keep(pool);
    this.#values = pool.values;
  }

  get id(): string { return lineId(this.policy, this.payeeId, this.period, this.line); }

  /** Made on each read (not kept: a statement read once, as it is written out, keeps no text). */
  get explanation(): string {
    return this.#explainer.write(this.#values, this.#at, this.amount);
  }

  toJSON(): StatementLine { return lineJson(this); }
}

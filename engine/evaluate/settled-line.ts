// A statement line in `amounts` or `explanation` detail, its id made when read (issue 13.3):
// `policy/payee/period/line` joined for every line cost 16 % of a rural amounts run (a string
// per line that lives as long as the statement), and most runs never read it. It reads like a
// plain line — `id` is an accessor, and `toJSON` gives the same keys in the same order — but a
// spread or a structured clone (postMessage) copies own fields only: copy it with `plainLine`,
// or serialise it (JSON), in the thread that settled it. `trace` detail makes plain lines.
import { lineId } from '../compile/runtime.js';
import type { LineKind, LineTrace, StatementLine } from '../types.js';
import { ExplainedLine } from './explained-line.js';

export class SettledLine implements StatementLine {
  constructor(
    readonly period: string, readonly payeeId: string, readonly policy: string, readonly line: string,
    readonly kind: LineKind, readonly amount: string, readonly explanation: string, readonly trace: LineTrace,
  ) {}

  get id(): string { return lineId(this.policy, this.payeeId, this.period, this.line); }

  toJSON(): StatementLine {
    return { id: this.id, period: this.period, payeeId: this.payeeId, policy: this.policy, line: this.line, kind: this.kind, amount: this.amount, explanation: this.explanation, trace: this.trace };
  }
}

/** A line as a plain object, its id and explanation made (a line made when read, copied by its fields): for a spread or a structured clone. */
export const plainLine = (line: StatementLine): StatementLine => (line instanceof SettledLine || line instanceof ExplainedLine ? line.toJSON() : line);

// A statement line in `amounts` or `explanation` detail whose explanation is written already (or
// is empty), its id made when read (issue 13.3): joining `policy/payee/period/line` for every
// line cost 16 % of a rural amounts run (a string per line that lives as long as the
// statement). `trace` detail makes plain lines. `id` is an accessor, which a spread or a
// structured clone drops: copy such a line with `plainLine`, or serialise it (JSON).
import { lineId } from '../compile/runtime.js';
import type { LineKind, LineTrace, StatementLine } from '../types.js';
import { ExplainedLine } from './explained-line.js';
import { lineJson } from './line-json.js';

export class SettledLine implements StatementLine {
  constructor(
    readonly period: string, readonly payeeId: string, readonly policy: string, readonly line: string,
    readonly kind: LineKind, readonly amount: string, readonly explanation: string, readonly trace: LineTrace,
  ) {}

  get id(): string { return lineId(this.policy, this.payeeId, this.period, this.line); }

  toJSON(): StatementLine { return lineJson(this); }
}

/** A line as a plain object, its id and explanation made (a line made when read, copied by its fields): for a spread or a structured clone. */
export const plainLine = (line: StatementLine): StatementLine => (line instanceof SettledLine || line instanceof ExplainedLine ? line.toJSON() : line);

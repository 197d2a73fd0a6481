// A statement line's JSON with a plain line's keys in their order: what SettledLine and
// ExplainedLine give as `toJSON`, their id and explanation made (accessors a spread or a
// structured clone would drop). Two classes, no common base: a derived class's construction
// cost a rural amounts run 2–8 %.
import type { StatementLine } from '../types.js';

export const lineJson = (l: StatementLine): StatementLine => ({
  id: l.id, period: l.period, payeeId: l.payeeId, policy: l.policy, line: l.line, kind: l.kind, amount: l.amount, explanation: l.explanation, trace: l.trace,
});

// Prior-period adjustments: a closed period settled again is compared line by line with what
// stands posted for it (the original lines plus adjustments already closed); every difference
// becomes an adjustment line in the first open period, of the original line's kind, named
// `<rule>@<period corrected>`, with `trace.adjusts` = {lineId, period, before, after}.
import { Exact, type Period, type StatementLine } from '../engine/index.js';
import type { StoredLine } from './types.js';

export interface AdjustmentInput {
  policyId: string;
  /** The first open period, where adjustments are posted. */
  adjustPeriod: Period;
  /** Lines the engine settles now for the closed periods of the run. */
  recomputed: StatementLine[];
  /** Regular lines posted for those closed periods. */
  posted: StoredLine[];
  /** Adjustments in closed periods that correct lines of those periods (they stand, too). */
  closedAdjustments: StoredLine[];
  /** Sort keys: payee id → order in payees.csv, rule id → order in the policy. */
  payeeOrder: (payeeId: string) => number;
  ruleOrder: (rule: string) => number;
}

interface Standing {
  lineId: string;
  period: Period;
  payeeId: string;
  rule: string;
  before: Exact;
  scale: number;
  original?: StatementLine;
}

const scaleOf = (amount: string) => amount.split('.')[1]?.length ?? 0;

/** `policy/payee/period/rule` of the line an adjustment corrects, and what it posts. */
export function adjustmentId(policyId: string, payeeId: string, adjustPeriod: Period, rule: string, period: Period): { id: string; line: string } {
  const line = `${rule}@${period}`;
  return { id: `${policyId}/${payeeId}/${adjustPeriod}/${line}`, line };
}

export function adjustmentsFor(input: AdjustmentInput): StatementLine[] {
  const standing = new Map<string, Standing>();
  const stand = (lineId: string, period: Period, payeeId: string, rule: string) => {
    let s = standing.get(lineId);
    if (!s) standing.set(lineId, (s = { lineId, period, payeeId, rule, before: Exact.ZERO, scale: 0 }));
    return s;
  };
  for (const p of input.posted) {
    const s = stand(p.id, p.period, p.payeeId, p.line);
    s.before = s.before.add(Exact.parse(p.amount));
    s.scale = Math.max(s.scale, scaleOf(p.amount));
    s.original = p;
  }
  for (const a of input.closedAdjustments) {
    const target = a.trace.adjusts!;
    const s = stand(target.lineId, target.period, a.payeeId, a.trace.rule);
    s.before = s.before.add(Exact.parse(a.amount));
    s.scale = Math.max(s.scale, scaleOf(a.amount));
    s.original ??= a;
  }
  const now = new Map(input.recomputed.map((l) => [l.id, l]));
  for (const l of input.recomputed) stand(l.id, l.period, l.payeeId, l.line).scale = Math.max(standing.get(l.id)!.scale, scaleOf(l.amount));

  const out: { line: StatementLine; key: [number, Period, number] }[] = [];
  for (const s of standing.values()) {
    const after = now.get(s.lineId);
    const afterAmount = after ? Exact.parse(after.amount) : Exact.ZERO;
    const delta = afterAmount.sub(s.before);
    if (delta.isZero()) continue;
    const source = (after ?? s.original)!;
    const before = s.before.toFixed(s.scale);
    const afterText = afterAmount.toFixed(s.scale);
    const { id, line } = adjustmentId(input.policyId, s.payeeId, input.adjustPeriod, s.rule, s.period);
    out.push({
      key: [input.payeeOrder(s.payeeId), s.period, input.ruleOrder(s.rule)],
      line: {
        id, period: input.adjustPeriod, payeeId: s.payeeId, policy: input.policyId, line, kind: source.kind,
        amount: delta.toFixed(s.scale),
        explanation: `adjusts ${s.lineId} from ${before} to ${afterText}: ${after ? after.explanation : 'no longer paid'}`,
        trace: { ...source.trace, adjusts: { lineId: s.lineId, period: s.period, before, after: afterText } },
      },
    });
  }
  out.sort((a, b) => a.key[0] - b.key[0] || (a.key[1] < b.key[1] ? -1 : a.key[1] > b.key[1] ? 1 : 0) || a.key[2] - b.key[2]);
  return out.map((o) => o.line);
}

// Any two policy versions settled over the same dataset and range, compared: totals by kind,
// every payee before and after with its attributes, groups by each attribute, compensation as a
// share of revenue when the policy names its revenue fact, and one payee's lines before / after.
import { Exact, type PayeeRecord, type Statement } from '../../../engine/index.js';
import type { Comparison, LineChange, PayeeChange } from './analysis-protocol.js';
import { attributeNames, breakdown } from './breakdown.js';
import type { TablesAt } from './table-bytes.js';
import { revenueByPayee, revenueFactOf, shareOf } from './revenue.js';
import { statementDiff } from './statement-diff.js';

type Sides = { statement: Statement; covered: PayeeRecord[]; text: string; facts: string[] };

const NOT_ATTRIBUTES = new Set(['payee_id', 'name', 'channel_type']);
const attributesOf = (p: PayeeRecord): Record<string, string> =>
  ({ channel_type: p.channelType, ...Object.fromEntries(Object.entries(p.attributes).filter(([k]) => !NOT_ATTRIBUTES.has(k))) });

function payeeChanges(before: Sides, after: Sides, deltas: Map<string, { before: string; after: string; delta: string }>): PayeeChange[] {
  const seen = new Map<string, PayeeRecord>();
  for (const p of [...after.covered, ...before.covered]) if (!seen.has(p.payeeId)) seen.set(p.payeeId, p);
  return [...seen.values()].map((p) => ({
    payeeId: p.payeeId,
    ...(p.name ? { name: p.name } : {}),
    attributes: attributesOf(p),
    ...(deltas.get(p.payeeId) ?? { before: '0.00', after: '0.00', delta: '0.00' }),
  }));
}

/** Every line of one payee on either side, summed by month, line and kind, in statement order. */
export function payeeLines(before: Statement, after: Statement, payeeId: string): LineChange[] {
  const rows = new Map<string, { period: string; line: string; kind: LineChange['kind']; before: Exact; after: Exact }>();
  const add = (s: Statement, side: 'before' | 'after') => {
    for (const l of s.lines) {
      if (l.payeeId !== payeeId) continue;
      const key = `${l.period}\u0000${l.line}\u0000${l.kind}`;
      const row = rows.get(key) ?? { period: l.period, line: l.line, kind: l.kind, before: Exact.ZERO, after: Exact.ZERO };
      row[side] = row[side].add(Exact.parse(l.amount));
      rows.set(key, row);
    }
  };
  add(after, 'after');
  add(before, 'before');
  return [...rows.values()]
    .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0))
    .map((r) => ({ period: r.period, line: r.line, kind: r.kind, before: r.before.toFixed(2), after: r.after.toFixed(2), delta: r.after.sub(r.before).toFixed(2) }));
}

export function comparison(tables: TablesAt, before: Sides, after: Sides, payeeId?: string): Comparison {
  const impact = statementDiff(before.statement, after.statement);
  const payees = payeeChanges(before, after, impact.payees);
  const from = after.statement.from, to = after.statement.to;
  const fact = revenueFactOf(after.text) ?? revenueFactOf(before.text);
  const known = fact === undefined || after.facts.includes(fact);
  const read = !fact ? undefined : known ? revenueByPayee(tables, fact, from, to)
    : { ok: false as const, problem: `\`revenue: ${fact}\` names no fact of the policy; expected one of ${after.facts.map((f) => `\`${f}\``).join(', ')}` };
  const byPayee = read?.ok ? new Map(payees.map((p) => [p.payeeId, read.byPayee.get(p.payeeId) ?? Exact.ZERO])) : undefined;
  const revenue = byPayee && [...byPayee.values()].reduce((a, b) => a.add(b), Exact.ZERO);
  return {
    from, to,
    before: impact.before, after: impact.after, delta: impact.delta,
    changedLines: impact.changedLines,
    payees,
    groups: Object.fromEntries(attributeNames(payees).map((a) => [a, breakdown(payees, a, byPayee)])),
    ...(fact && revenue ? { revenue: { fact, revenue: revenue.toFixed(2), before: shareOf(impact.before.total, revenue), after: shareOf(impact.after.total, revenue) } } : {}),
    ...(read && !read.ok ? { revenueProblem: read.problem } : {}),
    ...(payeeId ? { payeeId, lines: payeeLines(before.statement, after.statement, payeeId) } : {}),
  };
}

// The impact of a change: two statements over the same data (e.g. the saved policy and the
// edited one) compared in total, by kind, by payee and by line.
import { Exact } from '../exact/exact.js';
import { LINE_KINDS, type LineKind, type Statement, type Totals } from '../types.js';

export interface PayeeImpact { payeeId: string; before: string; after: string; delta: string }
export interface LineImpact { period: string; payeeId: string; line: string; kind: LineKind; before: string; after: string; delta: string }

export interface Impact {
  before: Totals;
  after: Totals;
  delta: Totals;
  /** Every payee present in either statement, largest gain first. */
  payees: PayeeImpact[];
  gainers: PayeeImpact[];
  losers: PayeeImpact[];
  /** Lines whose amount changed, appeared or disappeared. */
  lines: LineImpact[];
}

const sumBy = (s: Statement, key: (l: Statement['lines'][number]) => string) => {
  const out = new Map<string, Exact>();
  for (const l of s.lines) out.set(key(l), (out.get(key(l)) ?? Exact.ZERO).add(Exact.parse(l.amount)));
  return out;
};

export function compareStatements(before: Statement, after: Statement, top = 10): Impact {
  const b = sumBy(before, (l) => l.payeeId), a = sumBy(after, (l) => l.payeeId);
  const payees = [...new Set([...b.keys(), ...a.keys()])].map((payeeId) => {
    const x = b.get(payeeId) ?? Exact.ZERO, y = a.get(payeeId) ?? Exact.ZERO;
    return { payeeId, before: x.toFixed(2), after: y.toFixed(2), delta: y.sub(x).toFixed(2), d: y.sub(x) };
  }).sort((p, q) => q.d.cmp(p.d) || (p.payeeId < q.payeeId ? -1 : 1));
  const key = (l: Statement['lines'][number]) => `${l.period}\u0000${l.payeeId}\u0000${l.line}\u0000${l.kind}`;
  const lb = sumBy(before, key), la = sumBy(after, key);
  const lines: LineImpact[] = [];
  for (const k of new Set([...lb.keys(), ...la.keys()])) {
    const x = lb.get(k) ?? Exact.ZERO, y = la.get(k) ?? Exact.ZERO;
    if (x.eq(y)) continue;
    const [period, payeeId, line, kind] = k.split('\u0000');
    lines.push({ period, payeeId, line, kind: kind as LineKind, before: x.toFixed(2), after: y.toFixed(2), delta: y.sub(x).toFixed(2) });
  }
  const strip = ({ d: _d, ...p }: PayeeImpact & { d: Exact }) => p;
  const diff = (x: string, y: string) => Exact.parse(y).sub(Exact.parse(x)).toFixed(2);
  return {
    before: before.totals,
    after: after.totals,
    delta: {
      total: diff(before.totals.total, after.totals.total),
      byKind: Object.fromEntries(LINE_KINDS.map((k) => [k, diff(before.totals.byKind[k], after.totals.byKind[k])])) as Totals['byKind'],
    },
    payees: payees.map(strip),
    gainers: payees.filter((p) => p.d.sign() > 0).slice(0, top).map(strip),
    losers: payees.filter((p) => p.d.sign() < 0).reverse().slice(0, top).map(strip),
    lines,
  };
}

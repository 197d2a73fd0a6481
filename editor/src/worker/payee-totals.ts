// Totals of a statement per payee, by kind, in payees.csv order.
import { totalsOf, type PayeeRecord, type Statement, type StatementLine } from '../../../engine/index.js';
import type { PayeeTotal } from './protocol.js';

export function payeeTotals(statement: Statement, payees: PayeeRecord[]): PayeeTotal[] {
  const lines = new Map<string, StatementLine[]>(payees.map((p) => [p.payeeId, []]));
  for (const line of statement.lines) {
    const own = lines.get(line.payeeId);
    if (own) own.push(line);
    else lines.set(line.payeeId, [line]);
  }
  const names = new Map(payees.map((p) => [p.payeeId, p.name]));
  return [...lines].map(([payeeId, own]) => ({ payeeId, name: names.get(payeeId), ...totalsOf(own) }));
}

// Statement as CSV (one row per line, with a readable explanation) or JSON (with full traces).
import type { Statement, WithheldItem } from '../types.js';

const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export const STATEMENT_COLUMNS = ['period', 'payee_id', 'policy', 'line', 'kind', 'amount', 'status', 'explanation'];

/** CSV of the statement; with `withheld`, withheld items follow as zero rows with status `withheld`. */
export function statementToCsv(statement: Statement, options: { withheld?: boolean } = {}): string {
  const rows = [STATEMENT_COLUMNS.join(',')];
  for (const l of statement.lines) {
    rows.push([l.period, l.payeeId, l.policy, l.line, l.kind, l.amount, 'paid', l.explanation].map(quote).join(','));
  }
  if (options.withheld) {
    for (const w of statement.withheld) rows.push(withheldRow(w));
  }
  return rows.join('\n') + '\n';
}

function withheldRow(w: WithheldItem): string {
  const why = `${w.reason}${w.wouldPay ? ` (would have been ${w.wouldPay})` : ''}`;
  return [w.period, w.payeeId, w.policy, w.line, w.kind, '0.00', 'withheld', why].map(quote).join(',');
}

export function statementToJson(statement: Statement): string {
  return JSON.stringify(statement, null, 2) + '\n';
}

// Statement as CSV (one row per line, with a readable explanation) or JSON (with full traces).
import type { Lang } from '../messages/message.js';
import { withoutMessages } from '../messages/localize.js';
import { msg } from '../messages/msg.js';
import { render } from '../messages/render.js';
import type { Statement, WithheldItem } from '../types.js';

const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export const STATEMENT_COLUMNS = ['period', 'payee_id', 'policy', 'line', 'kind', 'amount', 'status', 'explanation'];

/**
 * CSV of the statement; with `withheld`, withheld items follow as zero rows with status `withheld`.
 * Explanations and reasons are written as the statement has them (`localizeStatement` renders them
 * in another language); `lang` words the withheld rows' "would have been".
 */
export function statementToCsv(statement: Statement, options: { withheld?: boolean; lang?: Lang } = {}): string {
  const rows = [STATEMENT_COLUMNS.join(',')];
  for (const l of statement.lines) {
    rows.push([l.period, l.payeeId, l.policy, l.line, l.kind, l.amount, 'paid', l.explanation].map(quote).join(','));
  }
  if (options.withheld) {
    for (const w of statement.withheld) rows.push(withheldRow(w, options.lang ?? 'en'));
  }
  return rows.join('\n') + '\n';
}

function withheldRow(w: WithheldItem, lang: Lang): string {
  const why = render(msg('statement.would-pay', { reason: w.reason, wouldPay: w.wouldPay }), lang);
  return [w.period, w.payeeId, w.policy, w.line, w.kind, '0.00', 'withheld', why].map(quote).join(',');
}

/** JSON of the statement, as it always was: the message codes that traces and reasons carry for other languages are left out. */
export function statementToJson(statement: Statement): string {
  return JSON.stringify(statement, withoutMessages, 2) + '\n';
}

// The statement for export: every paid line with its explanation and every withheld item with
// its reason, in the editor's language, withheld items after the paid lines of their month.
import { type CompiledPolicy, type Dataset, type Lang, reasonText, settle, type SettleOptions, unitsOf } from '../../../engine/index.js';
import type { ExportRow } from './protocol.js';

export function exportRows(policy: CompiledPolicy, dataset: Dataset, options: SettleOptions, lang: Lang): ExportRow[] {
  const statement = settle(policy, dataset, { ...options, detail: 'explanation', lang });
  const units = unitsOf(policy);
  const rows: ExportRow[] = statement.lines.map((l) => ({ period: l.period, payeeId: l.payeeId, line: l.line, kind: l.kind, amount: l.amount, status: 'paid', explanation: l.explanation }));
  for (const w of statement.withheld) rows.push({ period: w.period, payeeId: w.payeeId, line: w.line, kind: w.kind, amount: '0.00', status: 'withheld', explanation: reasonText(w, lang, { units }) });
  const order = new Map(dataset.covered.map((p, i) => [p.payeeId, i]));
  return rows.sort((a, b) => (order.get(a.payeeId) ?? 0) - (order.get(b.payeeId) ?? 0) || (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
}

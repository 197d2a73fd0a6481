// One payee's figures read from the preview's columns (payee-columns.ts) by index or id, so the
// panel never walks a list of every payee's objects on a render.
import { centsText } from '../worker/cents.js';
import { deltaCents } from '../worker/payee-columns.js';
import type { PreviewImpact, PreviewSummary } from '../worker/protocol.js';

/** The change of the payee at an index of payees.csv (`ids`), as a decimal (`0.00` when it has no lines). */
export function deltasOf(impact: PreviewImpact, ids: string[]): (i: number) => string {
  const { columns } = impact;
  if (columns) return (i) => centsText(deltaCents(columns, i));
  // an impact made elsewhere (not by the worker): by payee id
  const byId = new Map(impact.payees.map((p) => [p.payeeId, p.delta]));
  return (i) => byId.get(ids[i]) ?? '0.00';
}

/** A covered payee's total, or undefined for a payee the summary does not cover. */
export function payeeTotalOf({ columns, list }: PreviewSummary, payeeId: string): string | undefined {
  const i = list.ids.indexOf(payeeId);
  return i >= 0 && columns.covered.includes(i) ? centsText(columns.total[i]) : undefined;
}

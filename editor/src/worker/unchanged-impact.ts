// The impact of an edit that changed nothing (the text is the saved text): every delta is zero.
// Built directly, so opening a policy over a large dataset does not settle and compare it twice.
import { totalsOf, type PayeeRecord, type Statement } from '../../../engine/index.js';
import { payeeTotals } from './payee-totals.js';
import type { PreviewImpact } from './protocol.js';

const ZERO_TOTALS = totalsOf([]);

export function unchangedImpact(statement: Statement, payees: PayeeRecord[]): PreviewImpact {
  return {
    before: statement.totals,
    after: statement.totals,
    delta: ZERO_TOTALS,
    payees: payeeTotals(statement, payees).map((p) => ({ payeeId: p.payeeId, before: p.total, after: p.total, delta: '0.00' })),
    gainers: [],
    losers: [],
    changedLines: 0,
  };
}

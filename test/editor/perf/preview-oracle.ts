// The engine's own answer for a preview, the oracle the incremental preview is checked against:
// a full settle of the text (every rule), its totals by payee, and `compareStatements` with the
// saved text's full settle.
import { compareStatements, loadPolicy, readDataset, settle, type Statement, totalsOf } from '../../../engine/index.js';
import type { PayeeTotal, PreviewImpact } from '../../../editor/src/worker/protocol.js';
import type { SourceTables } from '../../../editor/src/worker/table-bytes.js';

export function fullStatement(text: string, tables: SourceTables): Statement {
  const loaded = loadPolicy({ file: 'policy.yaml', text });
  if (!loaded.ok) throw new Error(`the policy does not load: ${loaded.diagnostics[0]?.message}`);
  const data = readDataset(tables, loaded.policy);
  if (!data.ok) throw new Error(`the dataset does not read: ${data.diagnostics[0]?.message}`);
  return settle(loaded.policy, data.dataset, { detail: 'amounts' });
}

/** Totals by payee of a statement, in the order payees first appear on it. */
export function oraclePayeeTotals(statement: Statement): Omit<PayeeTotal, 'name'>[] {
  const byPayee = new Map<string, Statement['lines']>();
  for (const l of statement.lines) {
    const own = byPayee.get(l.payeeId);
    if (own) own.push(l);
    else byPayee.set(l.payeeId, [l]);
  }
  return [...byPayee].map(([payeeId, lines]) => ({ payeeId, ...totalsOf(lines) }));
}

export function oracleImpact(before: Statement, after: Statement): PreviewImpact {
  const { lines, ...rest } = compareStatements(before, after);
  return { ...rest, changedLines: lines.length };
}

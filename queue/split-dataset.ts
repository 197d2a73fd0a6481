// A dataset split into parts of whole payees: each part's tables hold the header and the rows of
// its own payees (payees.csv order kept), as rows with their original line and column numbers, so
// a part read anywhere reports problems at the real file's cells. Rows of payees in no part
// (not covered by the policy) are left out.
import { type DatasetInput, parseCsv, type TableSource } from '../engine/index.js';

type Rows = { file: string; rows: string[][]; lines: number[]; columns: number[][] };

function rowsOf(table: TableSource): Rows {
  if ('rows' in table) {
    return { file: table.file, rows: table.rows, lines: table.lines ?? table.rows.map((_, i) => i + 1), columns: table.columns ?? table.rows.map((r) => r.map((_, i) => i + 1)) };
  }
  const records = parseCsv(table.text, { file: table.file });
  return {
    file: table.file,
    rows: records.map((r) => r.cells),
    lines: records.map((r) => r.line),
    columns: records.map((r) => r.columns ?? r.cells.map((_, i) => i + 1)),
  };
}

/** Each table's rows dealt to the parts by their `payee_id` cell. */
function split(table: TableSource, partOf: Map<string, number>, count: number): Rows[] {
  const all = rowsOf(table);
  const column = all.rows[0]?.indexOf('payee_id') ?? -1;
  const parts: Rows[] = Array.from({ length: count }, () => ({ file: all.file, rows: [all.rows[0] ?? []], lines: [all.lines[0] ?? 1], columns: [all.columns[0] ?? []] }));
  for (let i = 1; i < all.rows.length; i++) {
    const part = partOf.get(all.rows[i][column]?.trim() ?? '');
    if (part === undefined) continue;
    parts[part].rows.push(all.rows[i]);
    parts[part].lines.push(all.lines[i]);
    parts[part].columns.push(all.columns[i]);
  }
  return parts;
}

/** The dataset's tables split by the payee ids of each part (every payee in at most one part). */
export function splitDataset(dataset: DatasetInput, payeesOfParts: string[][]): DatasetInput[] {
  const partOf = new Map<string, number>();
  payeesOfParts.forEach((ids, part) => { for (const id of ids) partOf.set(id, part); });
  const count = payeesOfParts.length;
  const payees = split(dataset.payees, partOf, count);
  const facts = split(dataset.facts, partOf, count);
  const transactions = dataset.transactions && split(dataset.transactions, partOf, count);
  return payees.map((p, i) => ({ payees: p, facts: facts[i], ...(transactions ? { transactions: transactions[i] } : {}) }));
}

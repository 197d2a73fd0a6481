// The payees table on its own (CSV or rows from .xlsx), for documents that name payees without
// settling them: a statement read back from the settlement store, which keeps ids, not names.
import { errorAt, parseCsv, RatecardError, type PayeeRecord, type TableSource } from '../../engine/index.js';

const SHOWN_APART = new Set(['payee_id', 'name', 'channel_type']);

/** Every payee of the table with its name, channel type and other columns; a located error without `payee_id`. */
export function payeesOfTable(table: TableSource): PayeeRecord[] {
  const records = 'text' in table
    ? parseCsv(table.text, { file: table.file }).map((r) => ({ line: r.line, cells: r.cells }))
    : table.rows.map((cells, i) => ({ line: table.lines?.[i] ?? i + 1, cells }));
  const [header, ...rows] = records;
  const names = (header?.cells ?? []).map((c) => c.trim());
  const at = (name: string) => names.indexOf(name);
  if (at('payee_id') < 0) {
    throw new RatecardError([errorAt({ file: table.file, line: header?.line ?? 1, column: 1 }, 'payee_id',
      `missing column \`payee_id\`; the header has ${names.map((n) => `\`${n}\``).join(', ') || 'no columns'}`, 'csv-missing-column')]);
  }
  const cell = (cells: string[], name: string) => (at(name) < 0 ? '' : (cells[at(name)] ?? '').trim());
  return rows.filter((r) => cell(r.cells, 'payee_id') !== '').map((r) => ({
    payeeId: cell(r.cells, 'payee_id'),
    ...(cell(r.cells, 'name') ? { name: cell(r.cells, 'name') } : {}),
    channelType: cell(r.cells, 'channel_type'),
    attributes: Object.fromEntries(names.map((n, i) => [n, (r.cells[i] ?? '').trim()]).filter(([n]) => n && !SHOWN_APART.has(n))),
    location: { file: table.file, line: r.line, column: 1 },
  }));
}

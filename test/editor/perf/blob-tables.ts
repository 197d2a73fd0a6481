// Tables as the page gives them to the workers: each CSV text as a Blob of its UTF-8 bytes
// (spreadsheet rows as they are).
import type { TableSource } from '../../../engine/index.js';
import type { DatasetTables } from '../../../editor/src/worker/protocol.js';
import type { SourceTables, TableInput } from '../../../editor/src/worker/table-bytes.js';

const blobOf = (t: TableSource): TableInput => ('text' in t ? { file: t.file, blob: new Blob([t.text]) } : t);

export function blobTables(tables: SourceTables): DatasetTables {
  return { id: tables.id, payees: blobOf(tables.payees), facts: blobOf(tables.facts), ...(tables.transactions ? { transactions: blobOf(tables.transactions) } : {}) };
}

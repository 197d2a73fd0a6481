// Sample datasets for the editor's preview: each sub-folder of the data folder is a dataset
// (`data/scenarios/rural-contract/`), each `.csv` in it a table, and the policy of the same name
// (`rural-contract.yaml`) the one it goes with.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { badRequest, notFound } from './http-error.js';
import type { PolicyFolder } from './policy-files.js';
import { TableBytesCache } from './table-bytes-cache.js';

const DATASET = /^[a-z0-9-]+$/;
const TABLE = /^[a-z0-9_-]+$/;
const TABLE_ORDER = ['payees', 'facts', 'transactions', 'expected'];

export interface DatasetInfo {
  name: string;
  tables: string[];
  policy: string | null;
}

const byTableOrder = (a: string, b: string) => {
  const rank = (t: string) => (TABLE_ORDER.includes(t) ? TABLE_ORDER.indexOf(t) : TABLE_ORDER.length);
  return rank(a) - rank(b) || a.localeCompare(b);
};

async function entriesOf(dir: string) {
  return readdir(dir, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return [];
    throw e;
  });
}

export async function listDatasets(dataDir: string, policies: PolicyFolder): Promise<DatasetInfo[]> {
  const policyFiles = new Set(await policies.list());
  const result: DatasetInfo[] = [];
  for (const entry of await entriesOf(dataDir)) {
    if (!entry.isDirectory() || !DATASET.test(entry.name)) continue;
    const tables = (await entriesOf(join(dataDir, entry.name)))
      .filter((t) => t.isFile() && t.name.endsWith('.csv') && TABLE.test(t.name.slice(0, -4)))
      .map((t) => t.name.slice(0, -4))
      .sort(byTableOrder);
    if (!tables.length) continue;
    const policy = `${entry.name}.yaml`;
    result.push({ name: entry.name, tables, policy: policyFiles.has(policy) ? policy : null });
  }
  return result.sort((a, b) => a.name.localeCompare(b.name));
}

/** The file of table `table` (`payees` or `payees.csv`) of dataset `name`, the names checked. */
function tablePath(dataDir: string, name: string, table: string): string {
  const bare = table.replace(/\.csv$/, '');
  if (!DATASET.test(name)) throw badRequest('name', `bad dataset name \`${name}\`: expected lowercase letters, digits and dashes`);
  if (!TABLE.test(bare)) throw badRequest('table', `bad table name \`${table}\`: expected e.g. \`payees\` or \`facts\``);
  return join(dataDir, name, `${bare}.csv`);
}

const served = new TableBytesCache();

/** The bytes of the CSV text of a table (UTF-8), kept for the last few tables served (table-bytes-cache.ts). */
export function tableBytes(dataDir: string, name: string, table: string): Promise<Buffer> {
  const path = tablePath(dataDir, name, table);
  return served.bytes(path, () => readTable(dataDir, name, table));
}

/** The CSV text of table `table` (`payees` or `payees.csv`) of dataset `name`. */
export async function readTable(dataDir: string, name: string, table: string): Promise<string> {
  const path = tablePath(dataDir, name, table), bare = table.replace(/\.csv$/, '');
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') throw notFound('table', `no table \`${bare}\` in dataset \`${name}\``);
    throw e;
  }
}

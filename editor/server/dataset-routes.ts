// Sample datasets for the editor's preview: each sub-folder of the data folder is a dataset
// (`data/scenarios/rural-contract/`), each `.csv` in it a table, and the policy of the same name
// (`rural-contract.yaml`) the one it goes with.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { badRequest, notFound } from './http-error.js';
import { sendJson, sendText } from './http-io.js';
import type { PolicyFolder } from './policy-files.js';
import { route, type Route } from './router.js';

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

export function datasetRoutes(dataDir: string, policies: PolicyFolder): Route[] {
  return [
    route('GET', '/api/datasets', async ({ res }) => sendJson(res, 200, await listDatasets(dataDir, policies))),

    route('GET', '/api/datasets/:name/:table', async ({ res, params }) => {
      const name = params.name;
      const table = params.table.replace(/\.csv$/, '');
      if (!DATASET.test(name)) throw badRequest(`bad dataset name \`${name}\`: expected lowercase letters, digits and dashes`);
      if (!TABLE.test(table)) throw badRequest(`bad table name \`${params.table}\`: expected e.g. \`payees\` or \`facts\``);
      let text: string;
      try {
        text = await readFile(join(dataDir, name, `${table}.csv`), 'utf8');
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') throw notFound(`no table \`${table}\` in dataset \`${name}\``);
        throw e;
      }
      sendText(res, 200, text, 'text/csv; charset=utf-8');
    }),
  ];
}

// The editor's sample datasets (sub-folders of the data folder, their CSV tables) and the policy
// JSON Schema for its YAML language support.
import type { FastifyInstance } from 'fastify';
import { listDatasets, readTable } from '../../editor/server/datasets.js';
import type { Workspace } from '../../editor/server/workspace.js';
import { policySchema } from '../../engine/index.js';
import type { RouteContext } from '../context.js';
import { responses } from '../schemas/common.js';
import { tableParams } from '../schemas/editor.js';

const tags = ['editor'];

export async function editorDatasetRoutes(app: FastifyInstance, ctx: RouteContext & { workspace: Workspace }): Promise<void> {
  const { store, dataDir } = ctx.workspace;

  app.get('/api/datasets', {
    schema: { summary: 'The sample datasets: their tables and the policy each goes with', tags, response: responses('`name`, `tables` (payees, facts, transactions, expected, then others) and `policy` (or null)', []) },
  }, async (_request, reply) => reply.header('cache-control', 'no-store').send(await listDatasets(dataDir, store.folder)));

  app.get<{ Params: { name: string; table: string } }>('/api/datasets/:name/:table', {
    schema: { summary: 'One table of a sample dataset, as CSV', tags, params: tableParams, response: { ...responses('', [404]), 200: { description: 'The CSV text', content: { 'text/csv': { schema: { type: 'string' } } } } } },
  }, async (request, reply) => reply.type('text/csv; charset=utf-8').header('cache-control', 'no-store').send(await readTable(dataDir, request.params.name, request.params.table)));

  app.get('/api/schema', {
    schema: { summary: 'The policy JSON Schema (for YAML language support in the editor)', tags, response: responses('The policy schema (JSON Schema 2020-12)', []) },
  }, async () => policySchema);
}

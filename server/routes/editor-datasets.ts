// The editor's sample datasets (sub-folders of the data folder, their CSV tables) and the policy
// JSON Schema for its YAML language support.
import type { FastifyInstance } from 'fastify';
import { listDatasets, tableBytes } from '../../editor/server/datasets.js';
import type { Workspace } from '../../editor/server/workspace.js';
import { policySchema } from '../../engine/index.js';
import type { RouteContext } from '../context.js';
import { responses } from '../schemas/common.js';
import { tableParams } from '../schemas/editor.js';
import { byteRange } from './byte-range.js';

const tags = ['editor'];

export async function editorDatasetRoutes(app: FastifyInstance, ctx: RouteContext & { workspace: Workspace }): Promise<void> {
  const { store, dataDir } = ctx.workspace;

  app.get('/api/datasets', {
    schema: { summary: 'The sample datasets: their tables and the policy each goes with', tags, response: responses('`name`, `tables` (payees, facts, transactions, expected, then others) and `policy` (or null)', []) },
  }, async (_request, reply) => reply.header('cache-control', 'no-store').send(await listDatasets(dataDir, store.folder)));

  app.get<{ Params: { name: string; table: string } }>('/api/datasets/:name/:table', {
    schema: { summary: 'One table of a sample dataset, as CSV', tags, params: tableParams, response: { ...responses('', [404]), 200: { description: 'The CSV text (UTF-8)', content: { 'text/csv': { schema: { type: 'string' } } } }, 206: { description: 'One byte range of the UTF-8 text (`Range: bytes=a-b`)', content: { 'text/csv': { schema: { type: 'string' } } } }, 416: { description: 'A range outside the text' } } },
  }, async (request, reply) => {
    const body = await tableBytes(dataDir, request.params.name, request.params.table);
    reply.type('text/csv; charset=utf-8').header('cache-control', 'no-store').header('accept-ranges', 'bytes');
    // one byte range of the UTF-8 text: a trace reads one payee's rows (editor/src/worker/payee-spans.ts)
    const range = byteRange(request.headers.range, body.length);
    if (range === 'unsatisfiable') return reply.code(416).header('content-range', `bytes */${body.length}`).send();
    if (!range) return reply.send(body);
    return reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${body.length}`).send(body.subarray(range.start, range.end + 1));
  });

  app.get('/api/schema', {
    schema: { summary: 'The policy JSON Schema (for YAML language support in the editor)', tags, response: responses('The policy schema (JSON Schema 2020-12)', []) },
  }, async () => policySchema);
}

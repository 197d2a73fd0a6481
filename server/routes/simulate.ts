// POST /simulate: settle without side effects and answer the statement with traces and totals
// (or, with `detail`, explanations or amounts only), optionally of one payee.
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../context.js';
import type { SimulateBody as Body } from '../pool/engine-tasks.js';
import { sendJson } from '../pool/send-json.js';
import { answers } from '../schemas/answers.js';
import { responses } from '../schemas/common.js';
import { simulateBody } from '../schemas/engine.js';

export async function simulateRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.post<{ Body: Body }>('/simulate', {
    schema: { summary: 'Settle without posting: the statement with traces, withheld items and totals', tags: ['statements'], body: simulateBody, response: responses('The statement: lines with traces, withheld items, totals', [422, 503, 504], { schema: answers.statement }) },
  }, async (request, reply) => sendJson(reply, await ctx.engine.run('simulate', request.body, reply)));
}

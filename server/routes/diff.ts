// POST /diff: what a change costs. Two policy versions settled over the same dataset and
// compared by the engine in total, by kind, by payee (gainers and losers) and by line.
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../context.js';
import type { DiffBody as Body } from '../pool/engine-tasks.js';
import { sendJson } from '../pool/send-json.js';
import { responses } from '../schemas/common.js';
import { diffBody } from '../schemas/engine.js';

export async function diffRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.post<{ Body: Body }>('/diff', {
    schema: { summary: 'Compare two policy versions\' statements over the same dataset', tags: ['policies'], body: diffBody, response: responses('Totals before and after, the change by kind, payee and line, gainers and losers', [422, 503, 504]) },
  }, async (request, reply) => sendJson(reply, await ctx.engine.run('diff', request.body, reply)));
}

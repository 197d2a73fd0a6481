// POST /explain: why did this payee get this amount? The lines (and withheld items) of one payee
// and month, optionally one rule, each with its trace and the explanation as text.
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../context.js';
import type { ExplainBody as Body } from '../pool/engine-tasks.js';
import { sendJson } from '../pool/send-json.js';
import { responses } from '../schemas/common.js';
import { explainBody } from '../schemas/engine.js';

export async function explainRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.post<{ Body: Body }>('/explain', {
    schema: { summary: 'Explain the lines of one payee and month: conditions with values, formula with numbers', tags: ['statements'], body: explainBody, response: responses('The lines and withheld items with their traces and explanation text', [404, 422, 503, 504]) },
  }, async (request, reply) => sendJson(reply, await ctx.engine.run('explain', request.body, reply)));
}

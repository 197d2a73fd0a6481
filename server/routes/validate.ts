// POST /validate: every problem of a policy (with its overrides, and a dataset when given), each
// with file, line, column and field. A policy with problems is a valid answer: `valid: false`.
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../context.js';
import type { ValidateBody as Body } from '../pool/engine-tasks.js';
import { sendJson } from '../pool/send-json.js';
import { responses } from '../schemas/common.js';
import { validateBody } from '../schemas/engine.js';

export async function validateRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.post<{ Body: Body }>('/validate', {
    schema: { summary: 'Check a policy, its overrides and optionally a dataset', tags: ['policies'], body: validateBody, response: responses('`valid`, every diagnostic with file, line, column and field, and the policy\'s parameters and rules', [503, 504]) },
  }, async (request, reply) => sendJson(reply, await ctx.engine.run('validate', request.body, reply)));
}

// GET /runs and GET /runs/:id: what each run was settled with and what it posted.
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../context.js';
import { answers } from '../schemas/answers.js';
import { responses } from '../schemas/common.js';
import { runParams, runsQuery } from '../schemas/store.js';
import { bookOf, notFound } from '../store-routes.js';

export async function runsRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.get<{ Querystring: { policyId?: string } }>('/runs', {
    schema: { summary: 'List settlement runs, optionally of one policy', tags: ['store'], querystring: runsQuery, response: responses('The runs, oldest first', [503], { schema: answers.runs }) },
  }, async (request) => ({ runs: await bookOf(ctx).listRuns({ policyId: request.query.policyId }) }));

  app.get<{ Params: { id: string } }>('/runs/:id', {
    schema: { summary: 'One settlement run', tags: ['store'], params: runParams, response: responses('The run', [404, 503], { schema: answers.run }) },
  }, async (request) => {
    const run = await bookOf(ctx).getRun(request.params.id);
    if (!run) throw notFound('id', `no run \`${request.params.id}\``);
    return run;
  });
}

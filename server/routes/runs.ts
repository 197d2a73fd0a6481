// GET /runs and GET /runs/:id: what each run was settled with and what it posted.
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../context.js';
import { answers } from '../schemas/answers.js';
import { responses } from '../schemas/common.js';
import { runParams, runsQuery } from '../schemas/store.js';
import { bookOf, notFound } from '../store-routes.js';
import { RequestError, requestDiagnostic } from '../errors.js';

export async function runsRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.get<{ Querystring: { policyId?: string } }>('/runs', {
    schema: { summary: 'List settlement runs, optionally of one policy', tags: ['store'], querystring: runsQuery, response: responses('The runs, oldest first', [503], { schema: answers.runs }) },
  }, async (request) => ({ runs: await bookOf(ctx).listRuns({ policyId: request.query.policyId }) }));

  // the seals of closed periods recomputed: the first period that no longer matches is a 409
  app.get<{ Querystring: { policyId?: string } }>('/verify', {
    schema: {
      summary: 'Recompute the chain of seals of closed periods (optionally of one policy) and name the first period that no longer matches',
      tags: ['store'], querystring: runsQuery,
      response: responses('Every closed period still matches its seal: how many, and each policy\'s last seal', [409, 503], {
        schema: { type: 'object', properties: { ok: { type: 'boolean' }, verified: { type: 'integer' }, heads: { type: 'array', items: { type: 'object', properties: { policyId: { type: 'string' }, period: { type: 'string' }, seal: { type: 'string' } } } } } },
      }),
    },
  }, async (request) => {
    const book = bookOf(ctx);
    if (!book.verify) throw new RequestError(503, 'no verify', [requestDiagnostic('url', '', 'this settlement store cannot verify its seals', 'no-store')]);
    const result = await book.verify(request.query.policyId);
    if (!result.ok && result.problem) throw new RequestError(409, 'the books no longer match their seals', [result.problem]);
    return { ok: result.ok, verified: result.verified, heads: result.heads };
  });

  app.get<{ Params: { id: string } }>('/runs/:id', {
    schema: { summary: 'One settlement run', tags: ['store'], params: runParams, response: responses('The run', [404, 503], { schema: answers.run }) },
  }, async (request) => {
    const run = await bookOf(ctx).getRun(request.params.id);
    if (!run) throw notFound('id', `no run \`${request.params.id}\``);
    return run;
  });
}

// GET /statements/:policyId (JSON with traces, or CSV with ?format=csv) and
// GET /statements/:policyId.csv: the posted statement of a policy, one payee or a range of months;
// JSON in pages of at most 10,000 lines (`limit`, `offset`).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { totalsOf } from '../../engine/index.js';
import type { RouteContext } from '../context.js';
import { answers } from '../schemas/answers.js';
import { responses } from '../schemas/common.js';
import { MAX_PAGE, statementParams, statementQuery } from '../schemas/store.js';
import { bookOf, notFound } from '../store-routes.js';

const csv = { 'text/csv': { schema: { type: 'string', description: 'period,payee_id,policy,line,kind,amount,status,explanation' } } };

interface Query { payee?: string; from?: string; to?: string; format?: 'json' | 'csv'; limit?: number; offset?: number }

export async function statementsRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const answer = async (policyId: string, query: Query, reply: FastifyReply, csv: boolean) => {
    const book = bookOf(ctx);
    if (!(await book.listRuns({ policyId })).length) throw notFound('policyId', `no runs of policy \`${policyId}\` in the store`);
    const q = { policyId, payeeId: query.payee, from: query.from, to: query.to };
    if (csv) {
      const name = [policyId, query.payee, query.from, query.to].filter(Boolean).join('_').replace(/[^A-Za-z0-9._-]/g, '_');
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(await book.statementCsv(q));
    }
    const lines = await book.statement(q);
    const offset = query.offset ?? 0;
    const limit = query.limit ?? MAX_PAGE;
    const page = lines.slice(offset, offset + limit);
    const nextOffset = offset + limit < lines.length ? offset + limit : null;
    // Totals are of every line the query matches, whichever page this is.
    return reply.send({ policyId, payeeId: query.payee, from: query.from, to: query.to, totals: totalsOf(lines), lines: page, page: { offset, limit, total: lines.length, nextOffset } });
  };

  app.get<{ Params: { policyId: string }; Querystring: Query }>('/statements/:policyId', {
    schema: { summary: 'The posted statement with traces (or CSV with `format=csv`)', tags: ['statements'], params: statementParams, querystring: statementQuery, response: { ...responses('', [404, 503]), 200: { description: 'Posted lines with traces and totals, or CSV with `format=csv`', content: { 'application/json': { schema: answers.posted }, ...csv } } } },
  }, async (request, reply) => answer(request.params.policyId, request.query, reply, request.query.format === 'csv'));

  app.get<{ Params: { policyId: string }; Querystring: Query }>('/statements/:policyId.csv', {
    schema: { summary: 'The posted statement as CSV', tags: ['statements'], params: statementParams, querystring: statementQuery, response: { ...responses('', [404, 503]), 200: { description: 'The statement as CSV (the columns of `ratecard settle`)', content: csv } } },
  }, async (request, reply) => answer(request.params.policyId, request.query, reply, true));
}

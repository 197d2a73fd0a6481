// POST /simulate: settle without side effects and answer the statement with traces and totals.
import type { FastifyInstance } from 'fastify';
import { settle, totalsOf } from '../../engine/index.js';
import type { RouteContext } from '../context.js';
import { loadRequest, type PolicyWithData } from '../inputs.js';
import { answers } from '../schemas/answers.js';
import { responses } from '../schemas/common.js';
import { simulateBody } from '../schemas/engine.js';

interface Body extends PolicyWithData { payee?: string }

export async function simulateRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.post<{ Body: Body }>('/simulate', {
    schema: { summary: 'Settle without posting: the statement with traces, withheld items and totals', tags: ['statements'], body: simulateBody, response: responses('The statement: lines with traces, withheld items, totals', [422], { schema: answers.statement }) },
  }, async (request) => {
    const { from, to, payee } = request.body;
    const { policy, dataset } = loadRequest(request.body, ctx.policiesDir);
    const statement = settle(policy, dataset, { from, to });
    if (payee === undefined) return statement;
    const lines = statement.lines.filter((l) => l.payeeId === payee);
    return { ...statement, lines, withheld: statement.withheld.filter((w) => w.payeeId === payee), totals: totalsOf(lines) };
  });
}

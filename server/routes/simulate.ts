// POST /simulate: settle without side effects and answer the statement with traces and totals
// (or, with `detail`, explanations or amounts only), optionally of one payee.
import type { FastifyInstance } from 'fastify';
import { settle, totalsOf } from '../../engine/index.js';
import type { RouteContext } from '../context.js';
import { loadRequest, type PolicyWithData } from '../inputs.js';
import { answers } from '../schemas/answers.js';
import { responses } from '../schemas/common.js';
import { simulateBody } from '../schemas/engine.js';

interface Body extends PolicyWithData { payee?: string; detail?: 'trace' | 'explanation' | 'amounts' }

export async function simulateRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.post<{ Body: Body }>('/simulate', {
    schema: { summary: 'Settle without posting: the statement with traces, withheld items and totals', tags: ['statements'], body: simulateBody, response: responses('The statement: lines with traces, withheld items, totals', [422], { schema: answers.statement }) },
  }, async (request) => {
    const { from, to, payee, detail } = request.body;
    const { policy, dataset } = loadRequest(request.body, ctx.policiesDir);
    const statement = settle(policy, dataset, { from, to, detail });
    const mine = payee === undefined ? statement : {
      ...statement,
      lines: statement.lines.filter((l) => l.payeeId === payee),
      withheld: statement.withheld.filter((w) => w.payeeId === payee),
    };
    // Lines settled without detail carry only a skeleton trace: leave it out of the answer.
    const lines = detail === undefined || detail === 'trace' ? mine.lines : mine.lines.map(({ trace: _trace, ...line }) => line);
    return { ...mine, lines, totals: payee === undefined ? statement.totals : totalsOf(lines) };
  });
}

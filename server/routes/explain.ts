// POST /explain: why did this payee get this amount? The lines (and withheld items) of one payee
// and month, optionally one rule, each with its trace and the explanation as text.
import type { FastifyInstance } from 'fastify';
import { explainLine, settle } from '../../engine/index.js';
import type { RouteContext } from '../context.js';
import { RequestError, requestDiagnostic } from '../errors.js';
import { loadRequest, type PolicyWithData } from '../inputs.js';
import { responses } from '../schemas/common.js';
import { explainBody } from '../schemas/engine.js';

interface Body extends PolicyWithData { payee: string; period: string; line?: string }

export async function explainRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.post<{ Body: Body }>('/explain', {
    schema: { summary: 'Explain the lines of one payee and month: conditions with values, formula with numbers', tags: ['statements'], body: explainBody, response: responses('The lines and withheld items with their traces and explanation text', [404, 422]) },
  }, async (request) => {
    const { payee, period, line } = request.body;
    const { policy, dataset } = loadRequest(request.body, ctx.policiesDir);
    const statement = settle(policy, dataset, { from: period, to: period });
    const pick = <T extends { payeeId: string; line: string }>(list: T[]) => list.filter((l) => l.payeeId === payee && (!line || l.line === line));
    const items = [
      ...pick(statement.lines).map((l) => ({ status: 'paid' as const, item: l, text: explainLine(l) })),
      ...pick(statement.withheld).map((w) => ({ status: 'withheld' as const, item: w, text: explainLine(w) })),
    ];
    if (!items.length) {
      const known = dataset.covered.some((p) => p.payeeId === payee);
      throw new RequestError(404, 'no such line', [requestDiagnostic('body', known ? (line ? 'line' : 'period') : 'payee', known
        ? `payee \`${payee}\` has no ${line ? `line \`${line}\`` : 'lines'} in ${period}`
        : `unknown payee \`${payee}\`: not in ${dataset.files.payees} or not covered by policy \`${policy.id}\``, 'not-found')]);
    }
    return { payee, period, items };
  });
}

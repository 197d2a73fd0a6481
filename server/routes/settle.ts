// POST /settle and POST /periods/close: the writes, each behind the bearer token (or the editor
// session). A settle posts a run into the store (lines of open periods, adjustments for closed
// ones) in one transaction, computed in a worker thread when the server knows the store's address.
import type { FastifyInstance } from 'fastify';
import { requireToken } from '../auth.js';
import type { RouteContext } from '../context.js';
import { policySource, type PolicyWithData } from '../inputs.js';
import { answers } from '../schemas/answers.js';
import { responses, writeSecurity } from '../schemas/common.js';
import { closeBody, settleBody } from '../schemas/store.js';
import { bookOf } from '../store-routes.js';
import { KeyedQueue } from '../../editor/server/keyed-queue.js';
import { sendJson } from '../pool/send-json.js';
import { brief } from '../pool/settle-task.js';

interface SettleBody extends PolicyWithData { from: string; to: string; startedBy?: string }
interface CloseBody { policyId: string; period: string; closedBy?: string }

export async function settleRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  // One write at a time per store: a settle's transaction may be long, and a close must not wait
  // on it inside SQLite (where it would time out as busy).
  const writes = new KeyedQueue();
  app.post<{ Body: SettleBody }>('/settle', {
    schema: { summary: 'Settle and post a run into the settlement store', tags: ['store'], security: writeSecurity, body: settleBody, response: responses('The run posted, its lines (without traces) and adjustments', [401, 409, 422, 503], { status: 201, schema: answers.settled }) },
    preHandler: requireToken(ctx.writers),
  }, async (request, reply) => {
    const { policy, overrides, dataset, from, to, startedBy } = request.body;
    const book = bookOf(ctx);
    // With the store's address known, the settle runs in a worker thread; a book handed in runs here.
    if (ctx.db) {
      const db = ctx.db;
      return sendJson(reply.status(201), await writes.run(db, () => ctx.engine.run('settle', { ...request.body, db })));
    }
    const result = await writes.run('book', async () => book.run({ policy: policySource(policy, ctx.policiesDir), overrides, dataset, from, to, startedBy: startedBy ?? 'api' }));
    return reply.status(201).send({ run: result.run, unchanged: result.unchanged, adjustments: result.adjustments, lines: result.lines.map(brief) });
  });

  app.post<{ Body: CloseBody }>('/periods/close', {
    schema: { summary: 'Close a period: its posted lines never change; later runs post adjustments', tags: ['store'], security: writeSecurity, body: closeBody, response: responses('The periods of the policy now closed', [401, 409, 503], { schema: answers.closed }) },
    preHandler: requireToken(ctx.writers),
  }, async (request) => {
    const { policyId, period, closedBy } = request.body;
    const book = bookOf(ctx);
    await writes.run(ctx.db ?? 'book', async () => book.close(policyId, period, closedBy ?? 'api'));
    return { policyId, period, closed: await book.closedPeriods(policyId) };
  });
}

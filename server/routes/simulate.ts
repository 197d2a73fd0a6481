// POST /simulate: settle without side effects and answer the statement with traces and totals
// (or, with `detail`, explanations or amounts only), optionally of one payee. Computed in a worker
// thread. Asked with `Accept: text/event-stream`, it answers server-sent events instead: `progress`
// (`{done, total}` payees) now and then, then `result` (the statement) or `error` (`{status, ...}`).
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { RouteContext } from '../context.js';
import { answer } from '../errors.js';
import type { SimulateBody as Body } from '../pool/engine-tasks.js';
import { sendJson } from '../pool/send-json.js';
import { answers } from '../schemas/answers.js';
import { responses } from '../schemas/common.js';
import { simulateBody } from '../schemas/engine.js';

const events = {
  'text/event-stream': {
    schema: { type: 'string', description: 'With `Accept: text/event-stream`: events `progress` (data `{"done": payees, "total": payees}`), then `result` (the statement, as in JSON) or `error` (`{"status", "error", "message", "diagnostics"}`).' },
  },
};

async function stream(reply: FastifyReply, compute: (onProgress: (done: number, total: number) => void) => Promise<string>): Promise<void> {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  const send = (event: string, data: string) => { if (!res.destroyed) res.write(`event: ${event}\ndata: ${data}\n\n`); };
  try {
    send('result', await compute((done, total) => send('progress', JSON.stringify({ done, total }))));
  } catch (e) {
    const { status, body } = answer(e as FastifyError, 0);
    if (status >= 500 && status !== 503 && status !== 504) reply.log.error({ err: e }, 'internal error');
    send('error', JSON.stringify({ status, ...body }));
  }
  res.end();
}

export async function simulateRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.post<{ Body: Body }>('/simulate', {
    schema: {
      summary: 'Settle without posting: the statement with traces, withheld items and totals (or its progress as server-sent events)', tags: ['statements'], body: simulateBody,
      response: { ...responses('', [422, 503, 504]), 200: { description: 'The statement: lines with traces, withheld items, totals', content: { 'application/json': { schema: answers.statement }, ...events } } },
    },
  }, async (request, reply) => {
    if (/\btext\/event-stream\b/.test(request.headers.accept ?? '')) {
      return stream(reply, (onProgress) => ctx.engine.run('simulate', request.body, reply, onProgress));
    }
    return sendJson(reply, await ctx.engine.run('simulate', request.body, reply));
  });
}

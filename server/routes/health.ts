// GET /health: the server is up, and whether it has a settlement store.
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../context.js';
import { responses } from '../schemas/common.js';

export async function healthRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.get('/health', { schema: { summary: 'Liveness, and whether a settlement store is open', tags: ['service'], response: responses('`status: ok`, whether a store is open and whether writes are enabled', []) } },
    async () => ({ status: 'ok', store: ctx.book ? 'open' : 'none', writes: ctx.writers.token ? 'token' : ctx.writers.sessions ? 'session' : 'disabled' }));
}

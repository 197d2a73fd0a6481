// GET /policies: the bundled policies a request may name by `{"id": ...}`, with their parameters.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadPolicy } from '../../engine/index.js';
import type { RouteContext } from '../context.js';
import { bundledPolicyIds } from '../inputs.js';
import { responses } from '../schemas/common.js';

export async function policiesRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.get('/policies', {
    schema: { summary: 'The bundled policies, usable as `policy: {id}` in any request', tags: ['policies'], response: responses('Each bundled policy\'s id, name, version, hash and parameters', []) },
  }, async () => ({
    policies: bundledPolicyIds(ctx.policiesDir).map((id) => {
      const loaded = loadPolicy({ file: `policies/${id}.yaml`, text: readFileSync(join(ctx.policiesDir, `${id}.yaml`), 'utf8') });
      if (!loaded.ok) return { id, valid: false, diagnostics: loaded.diagnostics };
      const p = loaded.policy;
      return { id, valid: true, name: p.name, version: p.version, hash: p.hash, params: p.params };
    }),
  }));
}

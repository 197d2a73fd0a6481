// POST /validate: every problem of a policy (with its overrides, and a dataset when given), each
// with file, line, column and field. A policy with problems is a valid answer: `valid: false`.
import type { FastifyInstance } from 'fastify';
import { type DatasetInput, loadPolicy, readDataset, type SourceText } from '../../engine/index.js';
import type { RouteContext } from '../context.js';
import { type PolicyInput, policySource } from '../inputs.js';
import { responses } from '../schemas/common.js';
import { validateBody } from '../schemas/engine.js';

interface Body { policy: PolicyInput; overrides?: SourceText; dataset?: DatasetInput }

export async function validateRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.post<{ Body: Body }>('/validate', {
    schema: { summary: 'Check a policy, its overrides and optionally a dataset', tags: ['policies'], body: validateBody, response: responses('`valid`, every diagnostic with file, line, column and field, and the policy\'s parameters and rules', []) },
  }, async (request) => {
    const { policy, overrides, dataset } = request.body;
    const loaded = loadPolicy(policySource(policy, ctx.policiesDir), { overrides });
    if (!loaded.ok) return { valid: false, diagnostics: loaded.diagnostics };
    const read = dataset ? readDataset(dataset, loaded.policy) : undefined;
    const diagnostics = [...loaded.warnings, ...(read && !read.ok ? read.diagnostics : [])];
    const p = loaded.policy;
    return {
      valid: diagnostics.every((d) => d.severity !== 'error'),
      diagnostics,
      policy: { id: p.id, name: p.name, version: p.version, hash: p.hash, params: p.params, facts: p.facts, rules: p.rules },
    };
  });
}

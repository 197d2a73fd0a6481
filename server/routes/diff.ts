// POST /diff: what a change costs. Two policy versions settled over the same dataset and
// compared by the engine in total, by kind, by payee (gainers and losers) and by line.
import type { FastifyInstance } from 'fastify';
import { type DatasetInput, diffPolicies, type SourceText } from '../../engine/index.js';
import type { RouteContext } from '../context.js';
import { compilePolicy, policySource, type PolicyInput } from '../inputs.js';
import { responses } from '../schemas/common.js';
import { diffBody } from '../schemas/engine.js';

interface Version { policy: PolicyInput; overrides?: SourceText }
interface Body { before: Version; after: Version; dataset: DatasetInput; from?: string; to?: string; top?: number }

export async function diffRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.post<{ Body: Body }>('/diff', {
    schema: { summary: 'Compare two policy versions\' statements over the same dataset', tags: ['policies'], body: diffBody, response: responses('Totals before and after, the change by kind, payee and line, gainers and losers', [422]) },
  }, async (request) => {
    const { before, after, dataset, from, to, top } = request.body;
    const [b, a] = [['before', before], ['after', after]].map(([field, v]) => {
      const version = v as Version;
      return compilePolicy(policySource(version.policy, ctx.policiesDir, `${field}.policy`), version.overrides);
    });
    const diff = diffPolicies(b, a, dataset, { from, to, top });
    return {
      before: { id: b.id, version: b.version, hash: b.hash },
      after: { id: a.id, version: a.version, hash: a.hash },
      ...diff,
    };
  });
}

// POST /diff: what a change costs. Two policy versions settled over the same dataset and
// compared by the engine in total, by kind, by payee (gainers and losers) and by line.
import type { FastifyInstance } from 'fastify';
import { compareStatements, type DatasetInput, settle, type SourceText } from '../../engine/index.js';
import type { RouteContext } from '../context.js';
import { loadRequest, type PolicyInput } from '../inputs.js';
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
      const loaded = loadRequest({ ...(v as Version), dataset }, ctx.policiesDir, `${field}.policy`);
      return { compiled: loaded.policy, statement: settle(loaded.policy, loaded.dataset, { from, to, detail: 'amounts' }) };
    });
    return {
      before: { id: b.compiled.id, version: b.compiled.version, hash: b.compiled.hash },
      after: { id: a.compiled.id, version: a.compiled.version, hash: a.compiled.hash },
      from: b.statement.from,
      to: b.statement.to,
      impact: compareStatements(b.statement, a.statement, top),
    };
  });
}

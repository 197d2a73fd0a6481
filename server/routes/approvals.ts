// The policy registry over HTTP: submit a version (its impact measured by the engine over the
// dataset sent), approve, reject or withdraw it (writes: the token or the editor's session),
// list the versions (`?state=submitted` is the queue), show one with its transitions, and post
// a range with the approved versions in force. Only approved versions post — the store enforces
// it for every path (this one, POST /settle, the CLI).
import type { FastifyInstance } from 'fastify';
import { RatecardError } from '../../engine/index.js';
import { requireToken } from '../auth.js';
import type { Book } from '../book.js';
import type { RouteContext } from '../context.js';
import { RequestError } from '../errors.js';
import { policySource } from '../inputs.js';
import { answers } from '../schemas/answers.js';
import { base, period, policyId, ref, responses, writeSecurity } from '../schemas/common.js';
import { bookOf } from '../store-routes.js';
import type { PolicyRegistry } from '../../store/policies/registry.js';
import type { ApprovedRunRequest } from '../../store/policies/run-approved.js';
import type { SubmitRequest } from '../../store/policies/registry-steps.js';
import { POLICY_STATES, type PolicyState, type PolicyVersionRecord } from '../../store/policies/types.js';
import type { DatasetInput } from '../../engine/index.js';
import type { PolicyInput } from '../inputs.js';
import type { RunResult } from '../../store/types.js';

/** A book with its registry: the synchronous or the asynchronous one. */
type RegistryBook = Book & { policies?: PolicyRegistry<boolean>; runApproved?(request: ApprovedRunRequest): RunResult[] | Promise<RunResult[]> };

const person = { type: 'string', minLength: 1, maxLength: 200 } as const;
const state = { enum: POLICY_STATES, description: 'draft → submitted → approved | rejected; draft or submitted → withdrawn.' } as const;
const version = { type: 'string', minLength: 1, maxLength: 100, description: 'The policy\'s `version`, e.g. `2`.' } as const;
const totals = ref('totals');

const impactSchema = {
  type: ['object', 'null'],
  description: 'What the version changes, settled by the engine over the dataset given at submission (`measuredBy: engine`), or as the submitter measured it (`caller`).',
  properties: {
    measuredBy: { enum: ['engine', 'caller'] }, against: { type: ['string', 'null'], description: 'The approved version compared with (in force when this one comes into force).' },
    from: period, to: period, factsHash: { type: 'string' }, before: totals, after: totals, delta: totals,
    payeesChanged: { type: 'integer' },
    largest: { type: 'array', description: 'The largest per-payee changes, at most 10.', items: { type: 'object', properties: { payeeId: { type: 'string' }, before: { type: 'string' }, after: { type: 'string' }, delta: { type: 'string' } } } },
  },
} as const;

const versionSchema = {
  $id: `${base}policy-version.json`,
  type: 'object',
  required: ['policyId', 'version', 'state', 'author', 'effectiveFrom'],
  description: 'A version of a policy in the registry (its `source` only in GET /policy-versions/{policyId}/{version}).',
  properties: {
    policyId: { type: 'string' }, version: { type: 'string' }, file: { type: 'string' }, source: { type: 'string' }, sourceHash: { type: 'string' },
    effectiveFrom: { type: ['string', 'null'], description: 'The first month it is in force (null: from the start).' },
    author: { type: 'string' }, createdAt: { type: 'string' }, state,
    submittedBy: { type: ['string', 'null'] }, submittedAt: { type: ['string', 'null'] }, impact: impactSchema,
    decidedBy: { type: ['string', 'null'] }, decidedAt: { type: ['string', 'null'] },
  },
} as const;

const transitionSchema = {
  type: 'object',
  properties: {
    seq: { type: 'integer' }, policyId: { type: 'string' }, version: { type: 'string' }, from: { type: ['string', 'null'] }, to: { type: 'string' },
    by: { type: 'string' }, at: { type: 'string' }, why: { type: 'string' }, impact: impactSchema,
  },
} as const;

/** Schemas the OpenAPI document lists under components (registered by build-server with the others). */
export const approvalSchemas: { $id: string }[] = [versionSchema];

const versionParams = { type: 'object', required: ['policyId', 'version'], properties: { policyId, version } } as const;
const decisionBody = {
  type: 'object', additionalProperties: false, required: ['by', 'why'],
  properties: { by: { ...person, description: 'Who decides: approval and rejection need someone who neither wrote nor submitted the version.' }, why: { ...person, maxLength: 2000 } },
} as const;
const submitBody = {
  type: 'object', additionalProperties: false, required: ['policy', 'by', 'why'],
  description: 'Submit a policy version for approval (registered as a draft first); the impact is measured over `dataset`, or given as `impact`.',
  properties: {
    policy: ref('policy-input'), by: person, why: { ...person, maxLength: 2000 },
    from: { ...period, description: 'The month it comes into force (default: the policy\'s `effective.from`).' },
    dataset: ref('dataset'),
    impact: {
      type: 'object', description: 'The impact as measured elsewhere (without `dataset`).', properties: impactSchema.properties,
      required: ['against', 'from', 'to', 'before', 'after', 'delta', 'payeesChanged', 'largest'],
    },
  },
} as const;
const listQuery = { type: 'object', additionalProperties: false, properties: { policyId, state } } as const;
const settleBody = {
  type: 'object', additionalProperties: false, required: ['dataset', 'from', 'to'],
  description: 'Post a range with the approved versions: each month under the version in force then, one run per version.',
  properties: { dataset: ref('dataset'), from: period, to: period, startedBy: person },
} as const;

const oneVersion = { $ref: versionSchema.$id };
const listAnswer = { type: 'object', required: ['versions'], properties: { versions: { type: 'array', items: oneVersion } } } as const;
const showAnswer = { type: 'object', required: ['version', 'transitions'], properties: { version: oneVersion, transitions: { type: 'array', items: transitionSchema } } } as const;
const runsAnswer = { type: 'object', required: ['runs'], properties: { runs: { type: 'array', items: answers.run } } } as const;

/** Refusals of the approval process as HTTP: someone not allowed 403, a version in the wrong state 409, an unknown one 404. */
const STATUS: Record<string, [number, string]> = {
  'self-approval': [403, 'not allowed to decide'], 'not-yours': [403, 'not allowed to decide'],
  'bad-transition': [409, 'conflict with the approval process'], 'version-taken': [409, 'conflict with the approval process'],
  'not-approved': [409, 'not an approved version'], 'unknown-version': [404, 'not found'],
};

async function refusing<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    const code = e instanceof RatecardError ? e.diagnostics[0]?.code : undefined;
    const status = code === undefined ? undefined : STATUS[code];
    if (status) throw new RequestError(status[0], status[1], (e as RatecardError).diagnostics);
    throw e;
  }
}

function registryOf(ctx: RouteContext): { policies: PolicyRegistry<boolean>; book: RegistryBook } {
  const book = bookOf(ctx) as RegistryBook;
  if (!book.policies) throw new RequestError(503, 'no policy registry', [{ file: 'url', line: 1, column: 1, severity: 'error', field: '', message: 'this settlement store keeps no policy registry', code: 'no-store' }]);
  return { policies: book.policies, book };
}

const withoutSource = ({ source: _s, ...v }: PolicyVersionRecord) => v;
type Decision = { Params: { policyId: string; version: string }; Body: { by: string; why: string } };

export async function approvalsRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const write = requireToken(ctx.writers);

  app.get<{ Querystring: { policyId?: string; state?: PolicyState } }>('/policy-versions', {
    schema: { operationId: 'listPolicyVersions', summary: 'List policy versions in the registry; `state=submitted` is the queue of submissions', tags: ['store'], security: [], querystring: listQuery, response: responses('The versions, by policy then registration (without their text)', [503], { schema: listAnswer }) },
  }, async (request) => ({ versions: (await registryOf(ctx).policies.list(request.query)).map(withoutSource) }));

  app.get<{ Params: { policyId: string; version: string } }>('/policy-versions/:policyId/:version', {
    schema: { operationId: 'showPolicyVersion', summary: 'One policy version with its text, impact and every transition (who, when, why)', tags: ['store'], security: [], params: versionParams, response: responses('The version and its transitions', [404, 503], { schema: showAnswer }) },
  }, async (request) => refusing(() => registryOf(ctx).policies.show(request.params.policyId, request.params.version)));

  app.post<{ Body: { policy: PolicyInput; by: string; why: string; from?: string; dataset?: DatasetInput; impact?: SubmitRequest['impact'] } }>('/policy-versions', {
    schema: { operationId: 'submitPolicyVersion', summary: 'Submit a policy version for approval, its impact measured over the dataset', tags: ['store'], security: writeSecurity, body: submitBody, response: responses('The version, submitted', [401, 409, 422, 503], { status: 201, schema: oneVersion }) },
    preHandler: write,
  }, async (request, reply) => {
    const { policy, by, why, from, dataset, impact } = request.body;
    const { policies } = registryOf(ctx);
    const submitted = await refusing(() => policies.submit({ source: policySource(policy, ctx.policiesDir), by, why, from, dataset, impact }));
    return reply.status(201).send(withoutSource(submitted));
  });

  for (const [action, summary] of [
    ['approve', 'Approve a submitted version (someone who neither wrote nor submitted it): it posts from its effective month'],
    ['reject', 'Reject a submitted version (someone who neither wrote nor submitted it)'],
    ['withdraw', 'Withdraw a draft or a submission (its author or submitter)'],
  ] as const) {
    app.post<Decision>(`/policy-versions/:policyId/:version/${action}`, {
      schema: { operationId: `${action}PolicyVersion`, summary, tags: ['store'], security: writeSecurity, params: versionParams, body: decisionBody, response: responses('The version as it is now', [401, 403, 404, 409, 503], { schema: oneVersion }) },
      preHandler: write,
    }, async (request) => {
      const { policies } = registryOf(ctx);
      const { policyId: id, version: v } = request.params;
      return withoutSource(await refusing(() => policies[action](id, v, request.body)));
    });
  }

  app.post<{ Params: { policyId: string }; Body: { dataset: DatasetInput; from: string; to: string; startedBy?: string } }>('/policy-versions/:policyId/settle', {
    schema: {
      operationId: 'settleApprovedVersions',
      summary: 'Settle and post a range with the approved versions: each month under the version in force then, one run per version', tags: ['store'], security: writeSecurity,
      params: { type: 'object', required: ['policyId'], properties: { policyId } }, body: settleBody, response: responses('The runs posted, one per version', [401, 409, 422, 503], { status: 201, schema: runsAnswer }),
    },
    preHandler: write,
  }, async (request, reply) => {
    const { book } = registryOf(ctx);
    const { dataset, from, to, startedBy } = request.body;
    const results = await refusing(() => book.runApproved!({ policyId: request.params.policyId, dataset, from, to, startedBy: startedBy ?? 'api' }));
    return reply.status(201).send({ runs: results.map((r) => r.run) });
  });
}

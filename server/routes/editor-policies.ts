// The editor's policy files (/api/policies): list, read (with ETag), check (in a worker thread), and save with a version
// check (409 when the file changed since the edit began), validation first (422, nothing written)
// and the history entry written with it as a whole. Saving needs the token or the editor session.
import type { FastifyInstance } from 'fastify';
import { checkPolicy } from '../../editor/server/policy-check.js';
import { notFound } from '../../editor/server/http-error.js';
import type { Workspace } from '../../editor/server/workspace.js';
import { requireToken } from '../auth.js';
import type { RouteContext } from '../context.js';
import type { Diagnostic } from '../../engine/index.js';
import { RequestError } from '../errors.js';
import { sendJson } from '../pool/send-json.js';
import { responses, writeSecurity } from '../schemas/common.js';
import { fileParams, saveBody, textBody } from '../schemas/editor.js';

/** Bodies of the editor API are policies: a few kilobytes. */
export const EDITOR_BODY_LIMIT = 2 * 1024 * 1024;

const tags = ['editor'];
const listItem = { type: 'object', properties: { file: { type: 'string' }, id: { type: ['string', 'null'] }, name: { type: ['string', 'null'] }, version: { type: ['string', 'null'] }, valid: { type: 'boolean' } } };
const policyText = { type: 'object', required: ['file', 'text', 'version'], properties: { file: { type: 'string' }, text: { type: 'string' }, version: { type: 'string' } } };

interface Save { text: string; baseVersion?: string | null; author: string; message: string; impact?: Record<string, unknown> }

export async function editorPolicyRoutes(app: FastifyInstance, ctx: RouteContext & { workspace: Workspace }): Promise<void> {
  const { store } = ctx.workspace;
  const display = (file: string) => store.folder.displayName(file);

  app.get('/api/policies', {
    schema: { summary: 'The policy files of the editor\'s policies folder', tags, response: responses('Each file with its `id`, `name` and `version` fields (null when they do not parse) and whether it validates', [], { schema: { type: 'array', items: listItem } }) },
  }, async () => {
    const list = [];
    for (const file of await store.folder.list()) {
      const text = await store.folder.read(file);
      if (text === undefined) continue;
      const check = checkPolicy(display(file), text);
      list.push({ file, id: check.id, name: check.name, version: check.version, valid: check.ok });
    }
    return list;
  });

  app.get<{ Params: { file: string } }>('/api/policies/:file', {
    schema: { summary: 'A policy file\'s text and version (also its ETag)', tags, params: fileParams, response: responses('The text and its version (sha256 hex)', [404], { schema: policyText }) },
  }, async (request, reply) => {
    const { file } = request.params;
    const current = await store.current(file);
    if (!current) throw notFound('file', `no policy \`${file}\` in \`${store.folder.label}\``);
    const etag = `"${current.version}"`;
    reply.header('etag', etag).header('cache-control', 'no-store');
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    return current;
  });

  app.get<{ Params: { file: string } }>('/api/policies/:file/tests', {
    schema: {
      summary: 'The policy\'s test cases (the `.test.yaml` file beside it), as the editor runs them against an edit', tags, params: fileParams,
      response: responses('The test file\'s name and text', [404], { schema: { type: 'object', required: ['file', 'text'], properties: { file: { type: 'string' }, text: { type: 'string' } } } }),
    },
  }, async (request, reply) => {
    const { file } = request.params;
    const tests = await store.folder.readTests(file);
    if (!tests) throw notFound('file', `no test cases for \`${file}\` in \`${store.folder.label}\` (\`${file.replace(/\.yaml$/, '.test.yaml')}\`)`);
    reply.header('cache-control', 'no-store');
    return tests;
  });

  app.post<{ Params: { file: string }; Body: { text: string } }>('/api/policies/:file/validate', {
    bodyLimit: EDITOR_BODY_LIMIT,
    schema: { summary: 'Check a policy text as this file', tags, params: fileParams, body: textBody, response: responses('`ok` and the diagnostics (warnings when ok)', [503, 504]) },
  }, async (request, reply) => sendJson(reply, await ctx.engine.run('check', { file: display(request.params.file), text: request.body.text }, reply)));

  app.put<{ Params: { file: string }; Body: Save }>('/api/policies/:file', {
    bodyLimit: EDITOR_BODY_LIMIT,
    preHandler: requireToken(ctx.writers),
    schema: {
      summary: 'Save a policy: validated first, refused when the file changed since `baseVersion`, written with its history entry as a whole',
      tags, security: writeSecurity, params: fileParams, body: saveBody,
      response: responses('The saved version', [401, 409, 422, 500, 503, 504], { schema: { type: 'object', required: ['file', 'version', 'savedAt'], properties: { file: { type: 'string' }, version: { type: 'string' }, savedAt: { type: 'string', format: 'date-time' } } } }),
    },
  }, async (request, reply) => {
    const { file } = request.params;
    const { text, baseVersion, author, message, impact } = request.body;
    const check = JSON.parse(await ctx.engine.run('check', { file: display(file), text }, reply)) as { ok: boolean; diagnostics: Diagnostic[] };
    if (!check.ok) {
      throw new RequestError(422, 'invalid', check.diagnostics, {}, `policy \`${file}\` does not validate: ${check.diagnostics.length} problem(s); nothing was saved`);
    }
    const saved = await store.save(file, { text, baseVersion: baseVersion ?? null, author: author.trim(), message: message.trim(), impact });
    return reply.header('etag', `"${saved.version}"`).send({ file, version: saved.version, savedAt: saved.savedAt });
  });
}

// The history of the editor's policy files: every saved version with who, when and why, any
// version's text, and the diff between two versions.
import type { FastifyInstance } from 'fastify';
import { notFound } from '../../editor/server/http-error.js';
import { diffTexts } from '../../editor/server/text-diff.js';
import type { Workspace } from '../../editor/server/workspace.js';
import type { RouteContext } from '../context.js';
import { responses } from '../schemas/common.js';
import { diffQuery, fileParams, versionParams } from '../schemas/editor.js';

const tags = ['editor'];
const entry = {
  type: 'object',
  properties: {
    version: { type: 'string' }, author: { type: 'string' }, message: { type: 'string' }, savedAt: { type: 'string' }, size: { type: 'integer' },
    impact: { type: 'object', additionalProperties: true, description: 'The impact confirmed when this version was saved, when the editor sent it' },
  },
};

export async function editorHistoryRoutes(app: FastifyInstance, ctx: RouteContext & { workspace: Workspace }): Promise<void> {
  const { store } = ctx.workspace;

  async function historyText(file: string, version: string): Promise<string> {
    await store.current(file);
    const text = await store.history.text(file, version);
    if (text === undefined) throw notFound('version', `version \`${version}\` of \`${file}\` is not in its history`);
    return text;
  }

  app.get<{ Params: { file: string } }>('/api/policies/:file/history', {
    schema: { summary: 'Every saved version of a policy file, newest first', tags, params: fileParams, response: responses('Versions with author, message, time and size', [404], { schema: { type: 'array', items: entry } }) },
  }, async (request) => {
    const { file } = request.params;
    await store.current(file);
    const entries = await store.history.entries(file);
    if (!entries.length) throw notFound('file', `no policy \`${file}\` in \`${store.folder.label}\` and no history of it`);
    return entries.reverse();
  });

  app.get<{ Params: { file: string; version: string } }>('/api/policies/:file/history/:version', {
    schema: { summary: 'The text of one version of a policy file', tags, params: versionParams, response: responses('The version and its text', [404]) },
  }, async (request) => {
    const { file, version } = request.params;
    return { version, text: await historyText(file, version) };
  });

  app.get<{ Params: { file: string }; Querystring: { from: string; to: string } }>('/api/policies/:file/diff', {
    schema: { summary: 'The line diff between two versions of a policy file', tags, params: fileParams, querystring: diffQuery, response: responses('A unified diff (empty when equal) and its hunks (3 lines of context)', [404]) },
  }, async (request) => {
    const { file } = request.params;
    const { from, to } = request.query;
    return { from, to, ...diffTexts(file, await historyText(file, from), await historyText(file, to)) };
  });
}

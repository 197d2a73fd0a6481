// The policy API: list, read, validate, save (with version check) and history with diffs.
import { readJsonBody, sendJson, stringField } from './http-io.js';
import { badRequest, HttpError, notFound } from './http-error.js';
import { checkPolicy } from './policy-check.js';
import { checkPolicyFileName } from './policy-files.js';
import type { PolicyStore } from './policy-store.js';
import { diffTexts } from './text-diff.js';
import { isVersion } from './text-version.js';
import { route, type RequestContext, type Route } from './router.js';

const fileParam = (ctx: RequestContext) => checkPolicyFileName(ctx.params.file);

function versionParam(value: string | null, name: string): string {
  if (value === null || value === '') throw badRequest(`missing \`${name}\`: expected a version (sha256 hex)`);
  if (!isVersion(value)) throw badRequest(`bad version \`${value}\` in \`${name}\`: expected 64 lowercase hex digits`);
  return value;
}

export function policyRoutes(store: PolicyStore): Route[] {
  const display = (file: string) => store.folder.displayName(file);

  async function historyText(file: string, version: string): Promise<string> {
    await store.current(file);
    const text = await store.history.text(file, version);
    if (text === undefined) throw notFound(`version \`${version}\` of \`${file}\` is not in its history`);
    return text;
  }

  return [
    route('GET', '/api/policies', async ({ res }) => {
      const files = await store.folder.list();
      const list = [];
      for (const file of files) {
        const text = await store.folder.read(file);
        if (text === undefined) continue;
        const check = checkPolicy(display(file), text);
        list.push({ file, id: check.id, name: check.name, version: check.version, valid: check.ok });
      }
      sendJson(res, 200, list);
    }),

    route('GET', '/api/policies/:file', async (ctx) => {
      const file = fileParam(ctx);
      const current = await store.current(file);
      if (!current) throw notFound(`no policy \`${file}\` in \`${store.folder.label}\``);
      const etag = `"${current.version}"`;
      if (ctx.req.headers['if-none-match'] === etag) {
        ctx.res.writeHead(304, { etag });
        ctx.res.end();
        return;
      }
      sendJson(ctx.res, 200, current, { etag });
    }),

    route('POST', '/api/policies/:file/validate', async (ctx) => {
      const file = fileParam(ctx);
      const text = stringField(await readJsonBody(ctx.req), 'text');
      const check = checkPolicy(display(file), text);
      sendJson(ctx.res, 200, { ok: check.ok, diagnostics: check.diagnostics });
    }),

    route('PUT', '/api/policies/:file', async (ctx) => {
      const file = fileParam(ctx);
      const body = await readJsonBody(ctx.req);
      const text = stringField(body, 'text');
      const author = stringField(body, 'author', { nonEmpty: true, maxLength: 200, oneLine: true }).trim();
      const message = stringField(body, 'message', { nonEmpty: true, maxLength: 5000 }).trim();
      const base = body.baseVersion ?? null;
      if (base !== null && (typeof base !== 'string' || !isVersion(base))) {
        throw badRequest(`bad \`baseVersion\` \`${String(base)}\`: expected the version the edit started from (64 hex digits), or null for a new file`);
      }
      const check = checkPolicy(display(file), text);
      if (!check.ok) throw new HttpError(422, 'invalid', `policy \`${file}\` does not validate: ${check.diagnostics.length} problem(s); nothing was saved`, { diagnostics: check.diagnostics });
      const saved = await store.save(file, { text, baseVersion: base, author, message });
      sendJson(ctx.res, 200, { file, version: saved.version, savedAt: saved.savedAt }, { etag: `"${saved.version}"` });
    }),

    route('GET', '/api/policies/:file/history', async (ctx) => {
      const file = fileParam(ctx);
      await store.current(file);
      const entries = await store.history.entries(file);
      if (!entries.length) throw notFound(`no policy \`${file}\` in \`${store.folder.label}\` and no history of it`);
      sendJson(ctx.res, 200, entries.reverse());
    }),

    route('GET', '/api/policies/:file/history/:version', async (ctx) => {
      const file = fileParam(ctx);
      const version = versionParam(ctx.params.version, 'version');
      sendJson(ctx.res, 200, { version, text: await historyText(file, version) });
    }),

    route('GET', '/api/policies/:file/diff', async (ctx) => {
      const file = fileParam(ctx);
      const from = versionParam(ctx.url.searchParams.get('from'), 'from');
      const to = versionParam(ctx.url.searchParams.get('to'), 'to');
      const diff = diffTexts(file, await historyText(file, from), await historyText(file, to));
      sendJson(ctx.res, 200, { from, to, ...diff });
    }),
  ];
}

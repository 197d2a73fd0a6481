// Every error answers `{error, diagnostics: [{file, line, column, field, message}]}` and never a
// stack trace: request problems 4xx naming the field, engine RatecardError 422 with its
// diagnostics, anything unexpected 500 with a generic message (the details go to the log).
import type { ErrorObject } from 'ajv';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { basename, isAbsolute, relative, sep } from 'node:path';
import { type Diagnostic, errorAt, RatecardError } from '../engine/index.js';
import { locateJson, positionAt } from './json-locate.js';
import { findJsonSyntaxError } from './json-syntax.js';

/** A request the server refuses: an HTTP status, a short reason, the located problems and any extra answer fields. */
export class RequestError extends Error {
  constructor(readonly status: number, message: string, readonly diagnostics: Diagnostic[] = [], readonly extra: Record<string, unknown> = {}, readonly detail?: string) {
    super(message);
  }
}

/** A problem with a part of the request (`body`, `query`, `params`, `headers`): no file lines to point at. */
export const requestDiagnostic = (part: string, field: string, message: string, code = 'request'): Diagnostic =>
  errorAt({ file: part === 'querystring' ? 'query' : part, line: 1, column: 1 }, field, message, code);

const pathOf = (pointer: string, extra?: unknown) => {
  const parts = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  return typeof extra === 'string' ? [...parts, extra] : parts;
};
const fieldOf = (path: string[]) => path.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i ? `.${p}` : p)).join('');

/** The message of a string that does not match a pattern, by the pattern (see `explainPattern`). */
const PATTERNS = new Map<string, string | ((given: string) => string)>();

/** Says what a schema pattern expects, for the 400 of a value that does not match it (a function gets the value, quoted). */
export function explainPattern(pattern: string, message: string | ((given: string) => string)): void {
  PATTERNS.set(pattern, message);
}

/** A value the client sent, quoted for a message (at most 60 characters of it). */
const given = (value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return `\`${text.length > 60 ? `${text.slice(0, 60)}…` : text}\``;
};

function describe(e: ErrorObject): { path: string[]; message: string } {
  const p = e.params as Record<string, unknown>;
  const at = pathOf(e.instancePath);
  switch (e.keyword) {
    case 'required': return { path: pathOf(e.instancePath, p.missingProperty), message: `missing field \`${p.missingProperty}\`` };
    case 'additionalProperties': return { path: pathOf(e.instancePath, p.additionalProperty), message: `unknown field \`${p.additionalProperty}\`` };
    case 'type': return { path: at, message: `expected ${p.type === 'array' ? 'a list' : p.type === 'object' ? 'an object' : p.type === 'integer' ? 'a whole number' : `a ${p.type}`}` };
    case 'pattern': {
      const explain = PATTERNS.get(String(p.pattern));
      return { path: at, message: typeof explain === 'function' ? explain(given(e.data)) : explain ?? `${given(e.data)} does not match \`${p.pattern}\`` };
    }
    case 'minLength': return { path: at, message: p.limit === 1 ? 'must not be empty' : `is too short: at least ${p.limit} characters` };
    case 'maxLength': return { path: at, message: `is too long: ${typeof e.data === 'string' ? `${e.data.length} characters, ` : ''}at most ${p.limit}` };
    case 'enum': return { path: at, message: `expected one of ${(p.allowedValues as unknown[]).map((v) => `\`${String(v)}\``).join(', ')}` };
    case 'oneOf': return { path: at, message: /(^|\/)policy$/.test(e.instancePath)
      ? 'expected exactly one of `text`, `id` or `document`' : 'expected exactly one of `text` or `rows`' };
    default: return { path: at, message: e.message ?? 'is not valid' };
  }
}

type Locate = (path: string[]) => { line: number; column: number };

/** ajv errors as diagnostics, located by `locate` when the body text is known; a `oneOf` miss hides the errors of its branches. */
export function validationDiagnostics(part: string, errors: ErrorObject[], locate?: Locate): Diagnostic[] {
  const oneOf = errors.filter((e) => e.keyword === 'oneOf').map((e) => e.schemaPath.replace(/\/oneOf$/, '/oneOf/'));
  const kept = errors.filter((e) => e.keyword === 'oneOf' || !oneOf.some((prefix) => e.schemaPath.startsWith(prefix)));
  const seen = new Set<string>();
  return kept.map(describe).filter((d) => !seen.has(fieldOf(d.path) + d.message) && seen.add(fieldOf(d.path) + d.message)).map((d) => {
    const diagnostic = requestDiagnostic(part, fieldOf(d.path), d.message, 'request-schema');
    return locate ? { ...diagnostic, ...locate(d.path) } : diagnostic;
  });
}

/** Where and why a body is not JSON, without echoing the body back. */
function jsonSyntax(body: string | undefined): Diagnostic {
  const error = body === undefined ? undefined : findJsonSyntaxError(body);
  // Well-formed JSON that the parser refused: keys that would reach object prototypes.
  if (!error || body === undefined) return requestDiagnostic('body', '', 'keys `__proto__` and `constructor.prototype` are not accepted', 'json');
  return { ...requestDiagnostic('body', '', `not valid JSON: ${error.message}`, 'json'), ...positionAt(body, error.offset) };
}

/** Store refusals that are about its state, not about the request: 409. */
const CONFLICTS = new Set(['already-closed', 'not-settled', 'close-in-order', 'closed-period', 'tampered', 'busy', 'not-approved', 'self-approval', 'bad-transition', 'version-taken', 'not-yours']);

export interface ErrorBody { error: string; message: string; diagnostics: Diagnostic[]; [extra: string]: unknown }

/** A file as answers may name it: relative to the working folder, or only its name; never a path on the server. */
export function shownFile(file: string): string {
  if (!isAbsolute(file)) return file;
  const inside = relative(process.cwd(), file);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside.split(sep).join('/') : basename(file);
}

const withoutServerPaths = (text: string) => text.split(process.cwd() + sep).join('');

/** The answer of every error: a short reason, one sentence for people (the first problem's, unless told), the located problems. */
function problem(status: number, error: string, diagnostics: Diagnostic[], extra: Record<string, unknown> = {}, message?: string) {
  const shown = diagnostics.map((d) => ({ ...d, file: shownFile(d.file), message: withoutServerPaths(d.message) }));
  return { status, body: { error, message: message ?? shown[0]?.message ?? error, diagnostics: shown, ...extra } };
}

/** The status and body an error answers (also sent as the `error` event of a stream). */
export function answer(e: FastifyError, bodyLimit: number, body?: string): { status: number; body: ErrorBody } {
  if (e instanceof RequestError) return problem(e.status, e.message, e.diagnostics, e.extra, e.detail);
  if (e instanceof RatecardError) {
    return CONFLICTS.has(e.diagnostics[0]?.code) ? problem(409, 'conflict with the settlement store', e.diagnostics) : problem(422, 'the policy or data has problems', e.diagnostics);
  }
  if (e.validation) {
    const part = e.validationContext ?? 'body';
    return problem(400, `invalid request ${part === 'querystring' ? 'query' : part}`, validationDiagnostics(part, e.validation as ErrorObject[], part === 'body' && body !== undefined ? (path) => locateJson(body, path) : undefined));
  }
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(413, 'request body too large', [requestDiagnostic('body', '', `the body is over the server's limit of ${bodyLimit} bytes`, 'too-large')]);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem(415, 'unsupported content type', [requestDiagnostic('headers', 'content-type', 'expected `application/json`', 'media-type')]);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem(400, 'invalid request body', [requestDiagnostic('body', '', 'the body is empty: expected a JSON object', 'json')]);
  }
  if (e instanceof SyntaxError || e.code === 'FST_ERR_CTP_INVALID_JSON_BODY') return problem(400, 'invalid request body', [jsonSyntax(body)]);
  const status = e.statusCode && e.statusCode >= 400 && e.statusCode < 500 ? e.statusCode : 500;
  if (status === 500) return problem(500, 'internal error', [requestDiagnostic('url', '', 'the server failed on this request; its log has the details', 'internal')]);
  const message = e.message.replace(/^./, (c) => c.toLowerCase());
  return problem(status, message, [requestDiagnostic('url', '', message, e.code ?? 'request')]);
}

/** Each request's JSON text, kept so an error can point at a line and column of the body. */
const rawBodies = new WeakMap<IncomingMessage, string>();

/** Serves a request no route matched (the editor app's pages); answers false to leave it a 404. */
export type Fallback = (request: FastifyRequest, reply: FastifyReply) => boolean;

export function installErrorHandlers(app: FastifyInstance, fallback?: Fallback): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  // JSON only: no plain-text or form bodies (a cross-site form can post those without asking).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    rawBodies.set(request.raw, body as string);
    parseJson(request, body as string, done);
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, body } = answer(error, request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit ?? 0, rawBodies.get(request.raw));
    if (status >= 500 && !(error instanceof RequestError)) request.log.error({ err: error, method: request.method, url: request.url }, 'internal error');
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    if (fallback?.(request, reply)) return reply;
    const { status, body } = problem(404, 'not found', [requestDiagnostic('url', '', `no route \`${request.method} ${request.url.split('?')[0].slice(0, 200)}\``, 'not-found')]);
    return reply.status(status).send(body);
  });
}

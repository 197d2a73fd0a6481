// Every error answers `{error, diagnostics: [{file, line, column, field, message}]}` and never a
// stack trace: request problems 4xx naming the field, engine RatecardError 422 with its
// diagnostics, anything unexpected 500 with a generic message (the details go to the log).
import type { ErrorObject } from 'ajv';
import type { FastifyError, FastifyInstance } from 'fastify';
import { type Diagnostic, errorAt, RatecardError } from '../engine/index.js';

/** A request the server refuses: an HTTP status and the located reasons. */
export class RequestError extends Error {
  constructor(readonly status: number, message: string, readonly diagnostics: Diagnostic[] = []) {
    super(message);
  }
}

/** A problem with a part of the request (`body`, `query`, `params`, `headers`): no file lines to point at. */
export const requestDiagnostic = (part: string, field: string, message: string, code = 'request'): Diagnostic =>
  errorAt({ file: part === 'querystring' ? 'query' : part, line: 1, column: 1 }, field, message, code);

const fieldOf = (pointer: string, extra?: unknown) => {
  const parts = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (typeof extra === 'string') parts.push(extra);
  return parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i ? `.${p}` : p)).join('');
};

function describe(e: ErrorObject): { field: string; message: string } {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': return { field: fieldOf(e.instancePath, p.missingProperty), message: `missing field \`${p.missingProperty}\`` };
    case 'additionalProperties': return { field: fieldOf(e.instancePath, p.additionalProperty), message: `unknown field \`${p.additionalProperty}\`` };
    case 'type': return { field: fieldOf(e.instancePath), message: `expected ${p.type === 'array' ? 'a list' : p.type === 'object' ? 'an object' : `a ${p.type}`}` };
    case 'pattern': return { field: fieldOf(e.instancePath), message: e.instancePath.match(/\/(from|to|period)$/) ? 'expected a month, `YYYY-MM`' : `does not match \`${p.pattern}\`` };
    case 'enum': return { field: fieldOf(e.instancePath), message: `expected one of ${(p.allowedValues as unknown[]).map((v) => `\`${String(v)}\``).join(', ')}` };
    case 'oneOf': return { field: fieldOf(e.instancePath), message: e.instancePath.endsWith('policy') || /\/(before|after)$/.test(e.instancePath)
      ? 'expected exactly one of `text`, `id` or `document`' : 'expected exactly one of `text` or `rows`' };
    default: return { field: fieldOf(e.instancePath), message: e.message ?? 'is not valid' };
  }
}

/** ajv errors as diagnostics; a `oneOf` miss hides the errors of its branches. */
export function validationDiagnostics(part: string, errors: ErrorObject[]): Diagnostic[] {
  const oneOf = errors.filter((e) => e.keyword === 'oneOf').map((e) => e.schemaPath.replace(/\/oneOf$/, '/oneOf/'));
  const kept = errors.filter((e) => e.keyword === 'oneOf' || !oneOf.some((prefix) => e.schemaPath.startsWith(prefix)));
  const seen = new Set<string>();
  return kept.map(describe).filter((d) => !seen.has(d.field + d.message) && seen.add(d.field + d.message))
    .map((d) => requestDiagnostic(part, d.field, d.message, 'request-schema'));
}

const problem = (status: number, error: string, diagnostics: Diagnostic[]) => ({ status, body: { error, diagnostics } });

function answer(e: FastifyError, bodyLimit: number): { status: number; body: { error: string; diagnostics: Diagnostic[] } } {
  if (e instanceof RequestError) return problem(e.status, e.message, e.diagnostics);
  if (e instanceof RatecardError) return problem(422, 'the policy or data has problems', e.diagnostics);
  if (e.validation) {
    const part = e.validationContext ?? 'body';
    return problem(400, `invalid request ${part === 'querystring' ? 'query' : part}`, validationDiagnostics(part, e.validation as ErrorObject[]));
  }
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(413, 'request body too large', [requestDiagnostic('body', '', `the body is over the server's limit of ${bodyLimit} bytes`, 'too-large')]);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem(415, 'unsupported content type', [requestDiagnostic('headers', 'content-type', 'expected `application/json`', 'media-type')]);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem(400, 'invalid request body', [requestDiagnostic('body', '', 'the body is empty: expected a JSON object', 'json')]);
  }
  if (e instanceof SyntaxError || e.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return problem(400, 'invalid request body', [requestDiagnostic('body', '', `not valid JSON: ${e.message.replace(/^./, (c) => c.toLowerCase())}`, 'json')]);
  }
  const status = e.statusCode && e.statusCode >= 400 && e.statusCode < 500 ? e.statusCode : 500;
  return problem(status, status === 500 ? 'internal error' : e.message.replace(/^./, (c) => c.toLowerCase()), []);
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, body } = answer(error, request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit ?? 0);
    if (status >= 500) request.log.error({ err: error }, 'internal error');
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => reply.status(404).send({
    error: 'not found',
    diagnostics: [requestDiagnostic('url', '', `no route \`${request.method} ${request.url.split('?')[0]}\``, 'not-found')],
  }));
}

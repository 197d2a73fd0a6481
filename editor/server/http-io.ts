// Reading request bodies and writing JSON replies for the editor server, on plain node:http.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from './http-error.js';

/** The largest request body accepted: policies are a few kilobytes. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const bytes = Buffer.from(JSON.stringify(body));
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(bytes.length),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(bytes);
}

export function sendText(res: ServerResponse, status: number, text: string, type: string): void {
  const bytes = Buffer.from(text);
  res.writeHead(status, { 'content-type': type, 'content-length': String(bytes.length), 'cache-control': 'no-store' });
  res.end(bytes);
}

export function sendError(res: ServerResponse, error: HttpError): void {
  sendJson(res, error.status, { error: error.code, message: error.message, ...error.extra });
}

/** The JSON body of a POST or PUT; only `application/json` is read, so a plain form cannot post here. */
export async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    throw new HttpError(415, 'unsupported-media-type', `expected a json body (content-type \`application/json\`), got \`${type || 'none'}\``);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'too-large', `the body is over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (e) {
    throw new HttpError(400, 'bad-request', `the body is not valid json: ${(e as Error).message.toLowerCase()}`);
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'bad-request', 'the body must be a json object');
  return body as Record<string, unknown>;
}

/** A required string field of a JSON body. */
export function stringField(body: Record<string, unknown>, name: string, options: { nonEmpty?: boolean; maxLength?: number; oneLine?: boolean } = {}): string {
  const value = body[name];
  if (typeof value !== 'string') throw new HttpError(400, 'bad-request', `missing \`${name}\`: expected a string`);
  if (options.nonEmpty && !value.trim()) throw new HttpError(400, 'bad-request', `\`${name}\` must not be empty`);
  if (options.maxLength !== undefined && value.length > options.maxLength) {
    throw new HttpError(400, 'bad-request', `\`${name}\` is too long: ${value.length} characters, at most ${options.maxLength}`);
  }
  if (options.oneLine && /[\r\n]/.test(value)) throw new HttpError(400, 'bad-request', `\`${name}\` must be one line`);
  return value;
}

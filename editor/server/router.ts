// A small router for the API: `GET /api/policies/:file` patterns, one path segment per `:name`,
// each parameter URL-decoded (so `..%2F` arrives as `../` and is refused by the name checks).
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
}

export type Handler = (ctx: RequestContext) => Promise<void>;

export interface Route {
  method: string;
  segments: string[];
  handler: Handler;
}

export function route(method: string, path: string, handler: Handler): Route {
  return { method, segments: path.split('/').filter(Boolean), handler };
}

export type Match =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

function matchPath(segments: string[], parts: string[]): Record<string, string> | undefined {
  if (segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (segment.startsWith(':')) {
      let value: string;
      try {
        value = decodeURIComponent(parts[i]);
      } catch {
        return undefined;
      }
      params[segment.slice(1)] = value;
    } else if (segment !== parts[i]) {
      return undefined;
    }
  }
  return params;
}

export function matchRoute(routes: Route[], method: string, pathname: string): Match {
  const parts = pathname.split('/').filter(Boolean);
  const allowed: string[] = [];
  for (const r of routes) {
    const params = matchPath(r.segments, parts);
    if (!params) continue;
    if (r.method === method || (method === 'HEAD' && r.method === 'GET')) return { kind: 'found', route: r, params };
    allowed.push(r.method);
  }
  return allowed.length ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
}

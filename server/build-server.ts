// The app factory: a Fastify instance with request validation (JSON Schema 2020-12), the error
// shape `{error, diagnostics}`, the OpenAPI description at /docs and one file per route group.
// `ratecard serve` listens with it; tests build one and listen on port 0.
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { readFileSync } from 'node:fs';
import type { Book } from './book.js';
import type { RouteContext } from './context.js';
import { installErrorHandlers } from './errors.js';
import { bundledPoliciesDir } from './inputs.js';
import { registerOpenApi } from './openapi.js';
import { diffRoutes } from './routes/diff.js';
import { explainRoutes } from './routes/explain.js';
import { healthRoutes } from './routes/health.js';
import { policiesRoutes } from './routes/policies.js';
import { runsRoutes } from './routes/runs.js';
import { settleRoutes } from './routes/settle.js';
import { simulateRoutes } from './routes/simulate.js';
import { statementsRoutes } from './routes/statements.js';
import { validateRoutes } from './routes/validate.js';
import { allSchemas } from './schemas/answers.js';
import { requestValidator } from './validator.js';

export const DEFAULT_BODY_LIMIT = 50 * 1024 * 1024;

export interface ServerOptions {
  /** The bearer token writes (settle, close) require; without one the server refuses every write. */
  token?: string;
  /** Largest request body in bytes (default 50 MB); larger ones get 413. */
  bodyLimit?: number;
  /** The settlement book; without it the store routes answer 503. */
  book?: Book;
  /** Where bundled policies are looked up by id (default: the package's policies/). */
  policiesDir?: string;
  logger?: FastifyServerOptions['logger'];
}

const packageVersion = (): string => {
  try {
    return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  }
};

export async function buildServer(options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT, logger: options.logger ?? false, exposeHeadRoutes: false });
  app.setValidatorCompiler(requestValidator());
  // Response schemas document the API; answers are written as they are, never filtered by them.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  for (const schema of allSchemas) {
    const { $schema: _dialect, ...rest } = schema as { $schema?: string; $id: string };
    app.addSchema(rest);
  }
  installErrorHandlers(app);
  await registerOpenApi(app, packageVersion());
  const ctx: RouteContext = { policiesDir: options.policiesDir ?? bundledPoliciesDir(), token: options.token, book: options.book };
  for (const routes of [
    healthRoutes, policiesRoutes, validateRoutes, simulateRoutes, explainRoutes, diffRoutes, settleRoutes, runsRoutes, statementsRoutes,
  ]) await app.register(routes, ctx);
  return app;
}

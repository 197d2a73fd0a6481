// The app factory: a Fastify instance with request validation (JSON Schema 2020-12), the error
// shape `{error, message, diagnostics}`, the OpenAPI description at /docs and one file per route
// group; with `editor`, also the editor's API under /api and its built app. `ratecard serve`
// listens with it; tests build one and listen on port 0.
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { readFileSync } from 'node:fs';
import type { Book } from './book.js';
import type { RouteContext } from './context.js';
import { openWorkspace, type WorkspaceOptions } from '../editor/server/workspace.js';
import { serveApp } from './app-files.js';
import { EnginePool, type PoolOptions } from './pool/engine-pool.js';
import { installErrorHandlers } from './errors.js';
import { bundledPoliciesDir } from './inputs.js';
import { registerOpenApi } from './openapi.js';
import { approvalSchemas, approvalsRoutes } from './routes/approvals.js';
import { diffRoutes } from './routes/diff.js';
import { editorDatasetRoutes } from './routes/editor-datasets.js';
import { editorHistoryRoutes } from './routes/editor-history.js';
import { editorPolicyRoutes } from './routes/editor-policies.js';
import { explainRoutes } from './routes/explain.js';
import { healthRoutes } from './routes/health.js';
import { policiesRoutes } from './routes/policies.js';
import { runsRoutes } from './routes/runs.js';
import { settleRoutes } from './routes/settle.js';
import { simulateRoutes } from './routes/simulate.js';
import { statementFileRoutes } from './routes/statement-files.js';
import { statementsRoutes } from './routes/statements.js';
import { validateRoutes } from './routes/validate.js';
import { allSchemas } from './schemas/answers.js';
import { guardOrigins } from './security.js';
import { newSessions } from './session.js';
import { requestValidator } from './validator.js';

export const DEFAULT_BODY_LIMIT = 50 * 1024 * 1024;

export interface ServerOptions {
  /** The bearer token writes (settle, close, saves) require; without one (or editor sessions) the server refuses every write. */
  token?: string;
  /** Serve the editor's API (/api) over these folders, and its app when `appDir` is given. */
  editor?: WorkspaceOptions & { appDir?: string };
  /**
   * The server listens on loopback only (the default): requests must name a loopback host, and the
   * editor page hands out its session. False for a server bound to another address.
   */
  loopback?: boolean;

  /** Largest request body in bytes (default 50 MB); larger ones get 413. */
  bodyLimit?: number;
  /** The settlement book; without it the store routes answer 503. */
  book?: Book;
  /** The book's address (an SQLite file or a `postgres://` URL): settles then run in a worker thread with their own connection to it. */
  db?: string;
  /** Where bundled policies are looked up by id (default: the package's policies/). */
  policiesDir?: string;
  logger?: FastifyServerOptions['logger'];
  /** The worker threads that compute: how many, and each request's deadline. */
  pool?: PoolOptions;
}

const packageJson = (): { version: string; license: string } => {
  try {
    return JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string; license: string };
  } catch {
    return JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string; license: string };
  }
};

export async function buildServer(options: ServerOptions = {}): Promise<FastifyInstance> {
  // Long names in the URL reach the routes' schemas (a 400 that says why), not the router's bare 414.
  const app = Fastify({ bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT, logger: options.logger ?? false, exposeHeadRoutes: false, routerOptions: { maxParamLength: 2000 } });
  app.setValidatorCompiler(requestValidator());
  // Response schemas document the API; answers are written as they are, never filtered by them.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  for (const schema of [...allSchemas, ...approvalSchemas]) {
    const { $schema: _dialect, ...rest } = schema as { $schema?: string; $id: string };
    app.addSchema(rest);
  }
  const loopback = options.loopback ?? true;
  const sessions = options.editor ? newSessions(loopback) : undefined;
  const writers = { token: options.token, sessions };
  guardOrigins(app, loopback);
  const { version, license } = packageJson();
  await registerOpenApi(app, version, license);
  const appDir = options.editor?.appDir;
  installErrorHandlers(app, appDir ? await serveApp(app, { dir: appDir, sessions, token: options.token }) : undefined);
  const policiesDir = options.policiesDir ?? bundledPoliciesDir();
  const engine = new EnginePool(policiesDir, options.pool);
  app.addHook('onClose', () => engine.close());
  // Closing lets requests in flight finish for a few seconds, then cuts their connections: a stop never hangs.
  app.addHook('preClose', async () => { setTimeout(() => app.server.closeAllConnections(), 5000).unref(); });
  app.decorate('engine', engine);
  const ctx: RouteContext = { policiesDir, writers, book: options.book, db: options.book ? options.db : undefined, engine };
  for (const routes of [
    healthRoutes, policiesRoutes, validateRoutes, simulateRoutes, explainRoutes, diffRoutes, settleRoutes, runsRoutes, statementsRoutes, statementFileRoutes, approvalsRoutes,
  ]) await app.register(routes, ctx);
  if (options.editor) {
    const editor = { ...ctx, workspace: openWorkspace(options.editor) };
    for (const routes of [editorPolicyRoutes, editorHistoryRoutes, editorDatasetRoutes]) await app.register(routes, editor);
  }
  return app;
}

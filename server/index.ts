// The HTTP service's public API (`ratecard/server`): a Fastify app over the engine and the store.
export { buildServer, DEFAULT_BODY_LIMIT, type ServerOptions } from './build-server.js';

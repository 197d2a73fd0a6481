// The OpenAPI 3.1 description (generated from the route schemas by @fastify/swagger) and its UI
// at /docs, served from the bundled swagger-ui files: no CDN, works offline. It passes Redocly's
// recommended rules (test/server/openapi-lint.test.ts): a server, a licence, an operationId for
// every operation, reads open to all (`security: []`) and writes behind the token or the session.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { operationIdOf } from './operation-id.js';
import { componentName } from './schemas/common.js';

export async function registerOpenApi(app: FastifyInstance, version: string, license: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Ratecard',
        version,
        description: 'Channel-compensation policies as configuration: validate, simulate, explain and compare policies; settle runs into the settlement store, close periods and read statements. Amounts are exact decimal strings.',
        license: { name: license, identifier: license },
      },
      // the server that serves this document: one origin for the API, the editor and the docs
      servers: [{ url: '/', description: 'This Ratecard server' }],
      // reads need no credentials; each write names its own (the bearer token or the editor session)
      security: [],
      tags: [
        { name: 'policies', description: 'Check policies and compare versions' },
        { name: 'statements', description: 'Settle without side effects, explain lines, read posted statements' },
        { name: 'store', description: 'Settlement runs and closed periods (writes need the bearer token)' },
        { name: 'editor', description: 'The editor\'s policy files with versioned saves and history, and its sample datasets (`--editor`)' },
        { name: 'service', description: 'Health' },
      ],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'The token given with `ratecard serve --token-file` or RATECARD_TOKEN.' },
          session: { type: 'apiKey', in: 'cookie', name: 'ratecard_session_<port>', description: 'The editor page\'s session (`ratecard serve --editor`): given with the page on loopback, or by `/?token=<token>`.' },
        },
      },
    },
    refResolver: { buildLocalReference: (json) => componentName(String(json.$id)) },
    transform: ({ schema, url, route }) => {
      const method = Array.isArray(route.method) ? route.method[0] : route.method;
      const own = (schema as { operationId?: string } | undefined)?.operationId;
      return { schema: { ...schema, operationId: own ?? operationIdOf(method, url) } as typeof schema, url };
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });
}

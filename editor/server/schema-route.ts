// The policy JSON Schema, for the editor's YAML language support (completion, hover, checks).
import { policySchema } from '../../engine/index.js';
import { sendJson } from './http-io.js';
import { route, type Route } from './router.js';

export const schemaRoute = (): Route => route('GET', '/api/schema', async ({ res }) => sendJson(res, 200, policySchema));

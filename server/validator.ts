// Request validation: one ajv (JSON Schema 2020-12, the dialect of the engine's policySchema)
// that knows every shared schema, used by Fastify for bodies, query strings and params.
import Ajv2020Module from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import type { FastifySchemaCompiler } from 'fastify';
import { allSchemas } from './schemas/answers.js';

type AjvLike = { compile(s: object): ValidateFunction; addSchema(s: object): AjvLike };
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as new (o: object) => AjvLike;

export function requestValidator(): FastifySchemaCompiler<unknown> {
  const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
  for (const schema of allSchemas) ajv.addSchema(schema);
  return ({ schema }) => ajv.compile(schema as object);
}

// Request validation: one ajv (JSON Schema 2020-12, the dialect of the engine's policySchema)
// that knows every shared schema, used by Fastify for bodies, query strings and params (the
// latter two with their text turned into the numbers and booleans the schemas ask for).
import Ajv2020Module from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import type { FastifySchemaCompiler } from 'fastify';
import { allSchemas } from './schemas/answers.js';

type AjvLike = { compile(s: object): ValidateFunction; addSchema(s: object): AjvLike };
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as new (o: object) => AjvLike;

export function requestValidator(): FastifySchemaCompiler<unknown> {
  const make = (coerceTypes: boolean) => {
    const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true, coerceTypes });
    for (const schema of allSchemas) ajv.addSchema(schema);
    return ajv;
  };
  // Query strings and URL parameters are text: `?limit=7` is the number 7. Bodies are JSON and taken as sent.
  const body = make(false);
  const text = make(true);
  return ({ schema, httpPart }) => (httpPart === 'body' ? body : text).compile(schema as object);
}

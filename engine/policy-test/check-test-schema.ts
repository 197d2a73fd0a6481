// Checks a policy test file against its JSON Schema with ajv; each error becomes a located
// diagnostic (`file:line:column field: message`) through the YAML source's positions.
import Ajv2020Module from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { errorAt } from '../errors.js';
import type { Diagnostic } from '../types.js';
import type { YamlSource } from '../policy/yaml-source.js';
import { policyTestSchema } from './test-schema.js';

const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as new (o: object) => { compile(s: object): ValidateFunction };
let validator: ValidateFunction | undefined;

const steps = (pointer: string) =>
  pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
const dotted = (path: (string | number)[]) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');

function message(e: ErrorObject, value: unknown): string {
  const p = e.params as Record<string, unknown>;
  const got = typeof value === 'string' ? value : JSON.stringify(value);
  if (e.keyword === 'required') return `missing field \`${p.missingProperty}\``;
  if (e.keyword === 'type') return `expected ${[p.type].flat().map((t) => (t === 'array' ? 'a list' : t === 'object' ? 'a map' : `a ${t}`)).join(' or ')}, got \`${got}\``;
  if (e.keyword === 'enum') return `expected one of ${(p.allowedValues as unknown[]).map((v) => `\`${v}\``).join(', ')}, got \`${got}\``;
  if (e.keyword === 'pattern') return e.instancePath.endsWith('/amount') ? `expected an amount such as \`-4.50\`, got \`${got}\`` : `expected a month as YYYY-MM, got \`${got}\``;
  if (e.keyword === 'minItems') return `expected at least ${p.limit} item${p.limit === 1 ? '' : 's'}`;
  if (e.keyword === 'minLength') return 'must not be empty';
  return e.message ?? 'does not match the schema';
}

export function checkTestSchema(source: YamlSource): Diagnostic[] {
  validator ??= new Ajv2020({ allErrors: true, strict: false }).compile(policyTestSchema);
  if (validator(source.json)) return [];
  const seen = new Set<string>();
  const found = (validator.errors ?? []).flatMap((e) => {
    const path = steps(e.instancePath);
    const extra = e.keyword === 'additionalProperties' ? String((e.params as { additionalProperty: string }).additionalProperty) : undefined;
    const value = path.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)?.[k], source.json);
    const d = extra === undefined
      ? errorAt(source.locate(path), dotted(path), message(e, value), 'schema')
      : errorAt(source.locateKey([...path, extra]), dotted([...path, extra]), `unknown field \`${extra}\``, 'schema');
    const key = `${d.line}:${d.column}:${d.message}`;
    return seen.has(key) ? [] : (seen.add(key), [d]);
  });
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}

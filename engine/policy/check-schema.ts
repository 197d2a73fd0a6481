// Runs the JSON Schema over a policy with ajv and turns its errors into located, readable
// diagnostics. Errors inside one-of shapes (conditions, amounts, metrics, params) are left to
// the semantic checks, which know what was meant and say so precisely.
import Ajv2020Module from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { errorAt } from '../errors.js';
import type { Diagnostic } from '../types.js';
import { policySchema } from './schema.js';
import type { YamlSource } from './yaml-source.js';
import { msg } from '../messages/msg.js';
import type { MessageData } from '../types.js';

const Ajv2020 = (Ajv2020Module as unknown as { default?: typeof Ajv2020Module }).default ?? Ajv2020Module;
let validator: ValidateFunction | undefined;
function validate(): ValidateFunction {
  validator ??= new (Ajv2020 as unknown as new (o: object) => { compile(s: object): ValidateFunction })({ allErrors: true, strict: false }).compile(policySchema);
  return validator;
}

const pathOf = (pointer: string) =>
  pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).map((s) => (/^\d+$/.test(s) ? Number(s) : s));

const field = (path: (string | number)[]) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');

/** A value as the user wrote it: strings bare, the rest as JSON (a type error keeps the quotes: `"1"` is not 1), shortened. */
const shown = (value: unknown) => short(typeof value === 'string' ? value : asJson(value));
const asJson = (value: unknown) => JSON.stringify(value) ?? String(value);
const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

function describe(e: ErrorObject, value: unknown): MessageData {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': return msg('schema.required', { name: String(p.missingProperty) });
    case 'type': return msg('schema.type', { type: String(p.type), got: short(asJson(value)) });
    case 'enum': return msg('schema.enum', { allowed: (p.allowedValues as unknown[]).map(String), got: shown(value) });
    case 'const': return msg('schema.const', { allowed: String(p.allowedValue), got: shown(value) });
    case 'pattern': return msg('schema.pattern', { value: shown(value), hyphen: e.instancePath.endsWith('/id') });
    case 'minItems': return msg('schema.min-items', { limit: Number(p.limit) });
    case 'minLength': return msg('schema.min-length');
    case 'propertyNames': return msg('schema.property-name', { name: short(String(p.propertyName)) });
    default: return msg('schema.other', { detail: e.message });
  }
}

export interface SchemaCheck { diagnostics: Diagnostic[]; valid: boolean }

export function checkSchema(source: YamlSource): SchemaCheck {
  const v = validate();
  if (v(source.json)) return { diagnostics: [], valid: true };
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const e of v.errors ?? []) {
    if (/\/(oneOf|anyOf)\//.test(e.schemaPath) || e.keyword === 'oneOf' || e.keyword === 'anyOf') continue;
    // a name's pattern is reported once, by its propertyNames error, at the name
    if (e.keyword === 'pattern' && (e.instancePath === '' || e.schemaPath.includes('/propertyNames/'))) continue;
    const path = pathOf(e.instancePath);
    const p = e.params as Record<string, unknown>;
    let diagnostic: Diagnostic;
    if (e.keyword === 'additionalProperties') {
      const extra = String(p.additionalProperty);
      diagnostic = errorAt(source.locateKey([...path, extra]), field([...path, extra]), msg('schema.unknown-field', { name: extra }), 'schema');
    } else if (e.keyword === 'propertyNames') {
      const name = String(p.propertyName);
      diagnostic = errorAt(source.locateKey([...path, name]), field([...path, name]), describe(e, name), 'schema');
    } else {
      const value = path.reduce<unknown>((o, k) => (o && typeof o === 'object' && Object.hasOwn(o, k) ? (o as Record<string | number, unknown>)[k] : undefined), source.json);
      diagnostic = errorAt(source.locate(path), field(path), describe(e, value), 'schema');
    }
    const key = `${diagnostic.line}:${diagnostic.column}:${diagnostic.message}`;
    if (!seen.has(key)) { seen.add(key); diagnostics.push(diagnostic); }
  }
  return { diagnostics, valid: false };
}

/** Used when only one-of errors remained and the semantic checks found nothing more precise. */
export function firstSchemaError(source: YamlSource): Diagnostic | undefined {
  const e = validate().errors?.[0];
  if (!e) return undefined;
  const path = pathOf(e.instancePath);
  return errorAt(source.locate(path), field(path), msg('schema.no-form', { detail: e.message }), 'schema');
}

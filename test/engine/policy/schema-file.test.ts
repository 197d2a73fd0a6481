// policies/policy.schema.json is generated from engine/policy/schema.ts (`npm run schema`):
// the committed file must be what the generator writes today, and a schema ajv accepts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaFileText } from '../../../scripts/write-schema.js';
import { newAjv } from '../../fixtures/ajv.js';

describe('policies/policy.schema.json', () => {
  it('is not stale: it equals the schema generated from engine/policy/schema.ts (run `npm run schema`)', () => {
    expect(readFileSync('policies/policy.schema.json', 'utf8')).toBe(schemaFileText());
  });

  it('is a valid JSON Schema 2020-12 that ajv compiles', () => {
    const ajv = newAjv();
    const schema = JSON.parse(readFileSync('policies/policy.schema.json', 'utf8'));
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
    expect(() => ajv.compile(schema)).not.toThrow();
  });
});

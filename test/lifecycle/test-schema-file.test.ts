// policies/policy-test.schema.json is the test file's JSON Schema for editors (VS Code and the
// YAML language server read `# yaml-language-server: $schema=./policy-test.schema.json`): it is
// engine/policy-test/test-schema.ts written out, and every bundled test file names and passes it.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { policyTestSchema } from '../../engine/policy-test/index.js';
import { newAjv } from '../fixtures/ajv.js';

const FILE = 'policies/policy-test.schema.json';
const text = JSON.stringify(policyTestSchema, null, 2) + '\n';
// RATECARD_WRITE_SCHEMA=1 npx vitest run test/lifecycle/test-schema-file.test.ts rewrites the file
if (process.env.RATECARD_WRITE_SCHEMA) writeFileSync(FILE, text);

describe('policy-test.schema.json', () => {
  it('is the test schema of the engine, written out', () => {
    expect(readFileSync(FILE, 'utf8'), 'stale: run RATECARD_WRITE_SCHEMA=1 npx vitest run test/lifecycle/test-schema-file.test.ts').toBe(text);
  });

  const validate = newAjv().compile(JSON.parse(readFileSync(FILE, 'utf8')));
  for (const file of readdirSync('policies').filter((f) => f.endsWith('.test.yaml'))) {
    it(`${file} names it and passes it`, () => {
      const source = readFileSync(`policies/${file}`, 'utf8');
      expect(source.split('\n')[0]).toBe('# yaml-language-server: $schema=./policy-test.schema.json');
      expect(validate(parse(source)), JSON.stringify(validate.errors)).toBe(true);
    });
  }
});

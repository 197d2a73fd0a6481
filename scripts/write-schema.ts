// Writes policies/policy.schema.json from engine/policy/schema.ts (the single source);
// test/engine/policy/schema-file.test.ts fails when the file is stale.
import { writeFileSync } from 'node:fs';
import { policySchema } from '../engine/policy/schema.js';

export const schemaFileText = () => JSON.stringify(policySchema, null, 2) + '\n';

if (process.argv[1]?.endsWith('write-schema.ts')) {
  writeFileSync(new URL('../policies/policy.schema.json', import.meta.url), schemaFileText());
  console.log('wrote policies/policy.schema.json');
}

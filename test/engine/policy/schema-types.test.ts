// The TypeScript policy types (engine/policy/policy-document.ts) and the JSON Schema
// (engine/policy/schema.ts) cannot drift: schema-types.check.ts proves it at the type level and
// is compiled here with tsc; the `*Keys` records the engine exports are compared at run time.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  factConditionKeys, paramDeclarationKeys, policyDocumentKeys, ruleDocumentKeys,
} from '../../../engine/policy/policy-document.js';
import { policySchema } from '../../../engine/policy/schema.js';

const keys = (o: object) => Object.keys(o).sort();
const tsc = 'node_modules/typescript/bin/tsc'; // tests run from the repository root

describe('policy types and schema', () => {
  it('have exactly the same properties, required fields and enums (tsc over schema-types.check.ts)', () => {
    const run = spawnSync(process.execPath, [tsc, '--ignoreConfig', '--noEmit', '--strict', '--skipLibCheck',
      '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node',
      'test/engine/policy/schema-types.check.ts'], { encoding: 'utf8' });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('the key records the engine uses match the schema', () => {
    const defs = policySchema.$defs;
    expect(keys(policyDocumentKeys)).toEqual(keys(policySchema.properties));
    expect(keys(ruleDocumentKeys)).toEqual(keys(defs.rule.properties));
    expect(keys(paramDeclarationKeys)).toEqual(keys(defs.param.properties));
    expect(keys(factConditionKeys)).toEqual(keys(defs.condition.oneOf[4].properties));
  });
});

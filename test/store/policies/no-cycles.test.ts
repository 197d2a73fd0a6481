// store/ with its policy registry has no import cycle (type-only imports count too): the
// registry's backends depend on its types and rows alone, the store's files reach it one way.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles } from '../../fixtures/import-cycles.js';

const files = ['store', 'store/policies'].flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => `${dir}/${f}`));
const imports = new Map(files.map((f) => [f, [...readFileSync(f, 'utf8').matchAll(/^(?:import|export)[^;]*?from '(\.{1,2}\/[a-z0-9/-]+)\.js';/gm)]
  .map((m) => normalize(join(dirname(f), `${m[1]}.ts`))).filter((target) => target.startsWith('store/'))]));

const cycles = () => importCycles(files, imports);

describe('store and registry imports', () => {
  it('are read across both folders', () => {
    expect(imports.get('store/migrations.ts')).toEqual(['store/policies/sqlite-migrations.ts']);
    expect(imports.get('store/policies/run-approved.ts')).toContain('store/book-steps.ts');
  });

  it('form no cycle', () => {
    expect(cycles()).toEqual([]);
  });

  it('keep the registry backends on its types and rows alone', () => {
    for (const f of ['store/policies/sqlite-policies.ts', 'store/policies/pg-policies.ts']) {
      expect(imports.get(f)!.every((i) => ['store/policies/backend.ts', 'store/policies/rows.ts', 'store/policies/types.ts'].includes(i)), f).toBe(true);
    }
  });
});

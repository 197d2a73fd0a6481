// store/ has no import cycle (type-only imports count too): the types and the backend interface
// sit in files of their own, the book's logic depends on them, and each backend depends on them
// (and on its own schema and the seal) alone, never on the book or on the other backend.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importCycles } from '../fixtures/import-cycles.js';

const files = readdirSync('store').filter((f) => f.endsWith('.ts'));
const imports = new Map(files.map((f) => [f, [...readFileSync(`store/${f}`, 'utf8').matchAll(/^(?:import|export)[^;]*?from '\.\/([a-z0-9-]+)\.js';/gm)].map((m) => `${m[1]}.ts`)]));

const cycles = () => importCycles(files, imports);

describe('store imports', () => {
  it('are read from every file of store/', () => {
    expect(imports.get('settlement-book.ts')).toEqual(['backend.ts', 'book.ts', 'sqlite-store.ts', 'types.ts', 'types.ts']);
  });

  it('form no cycle', () => {
    expect(cycles()).toEqual([]);
  });

  it('keep the types and the backend interface at the bottom', () => {
    expect(imports.get('types.ts')).toEqual([]);
    expect(imports.get('backend.ts')).toEqual(['types.ts']);
  });

  it('keep each backend to the types, the interface, its schema and the seal', () => {
    const allowed = new Set(['types.ts', 'backend.ts', 'migrations.ts', 'pg-migrations.ts', 'seal.ts', 'canonical-json.ts']);
    for (const backend of ['sqlite-store.ts', 'pg-store.ts', 'later.ts']) {
      expect({ backend, imports: imports.get(backend)!.filter((f) => !allowed.has(f)) }).toEqual({ backend, imports: [] });
    }
    expect(imports.get('migrations.ts')).toEqual([]);
    expect(imports.get('pg-migrations.ts')).toEqual(['migrations.ts']);
  });
});

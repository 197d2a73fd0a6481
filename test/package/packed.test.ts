// The package as a user installs it (12.7): `npm pack` (after `npm run build`; npm test builds
// first), unpacked into a consumer project whose node_modules holds only what the tarball's
// `dependencies` name (linked from this checkout: no network) — no devDependencies, no optional
// ones. There: no editor dependency is installed, better-sqlite3 is optional and its absence is a
// located error, the declarations compile under `tsc --strict` without skipLibCheck, the engine
// runs, and the policy schema resolves for `$schema` references from node_modules.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scratch } from '../fixtures/run-cli.js';

/** What the editor (a prebuilt browser app) needs at build time only; a user of the library never installs them. */
const EDITOR = ['react', 'react-dom', 'monaco-editor', 'monaco-yaml', 'vite', '@vitejs/plugin-react', '@types/react', '@types/react-dom', 'yaml-language-server', 'vscode-languageserver-textdocument', 'playwright-core', 'axe-core'];

interface Manifest { dependencies?: Record<string, string>; devDependencies?: Record<string, string>; optionalDependencies?: Record<string, string>; scripts?: Record<string, string> }

const tmp = scratch('ratecard-packed-');
const consumer = tmp.path('consumer');
const installed = join(consumer, 'node_modules', 'ratecard');
let manifest: Manifest;
let files: string[];

/** Links a package of this checkout's node_modules into the consumer's, as an install of it would put it. */
const link = (name: string) => {
  const to = join(consumer, 'node_modules', name);
  mkdirSync(join(to, '..'), { recursive: true });
  if (!existsSync(to)) symlinkSync(resolve('node_modules', name), to);
};

const node = (script: string) => execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: consumer, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(() => {
  expect(existsSync('dist/engine/index.d.ts'), 'run `npm run build` first (npm test does)').toBe(true);
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp.dir], { encoding: 'utf8' })) as { filename: string; files: { path: string }[] }[];
  files = packed.files.map((f) => f.path);
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['xzf', join(tmp.dir, packed.filename), '-C', installed, '--strip-components=1']);
  manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Manifest;
  for (const name of Object.keys(manifest.dependencies ?? {})) link(name);
  link('@types/node'); // the consumer's own: a TypeScript project on Node has it
}, 60_000);

describe('the packed package', () => {
  it('installs no editor dependency, and better-sqlite3 only optionally', () => {
    const installs = Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies });
    expect(installs.filter((d) => EDITOR.includes(d))).toEqual([]);
    expect(Object.keys(manifest.devDependencies ?? {})).toEqual(expect.arrayContaining(['react', 'react-dom', 'monaco-editor', 'monaco-yaml', 'vite']));
    expect(manifest.optionalDependencies).toEqual({ 'better-sqlite3': expect.stringMatching(/^\^12\./) });
    expect(manifest.dependencies).not.toHaveProperty('better-sqlite3');
    // the editor ships prebuilt (dist/editor-app), built when the package is packed
    expect(manifest.scripts?.prepack).toMatch(/editor:build/);
  });

  it('holds the compiled library, the CLI and the schemas, and no sources of tests or of the editor', () => {
    expect(files).toEqual(expect.arrayContaining(['bin/ratecard.js', 'dist/engine/index.js', 'dist/engine/index.d.ts', 'dist/store/index.d.ts', 'policies/policy.schema.json', 'policies/policy-test.schema.json', 'package.json']));
    expect(files.filter((f) => /^(test|editor|engine|store|server|cli)\//.test(f))).toEqual([]);
  });

  it('compiles a consumer against its declarations under tsc --strict without skipLibCheck', () => {
    writeFileSync(join(consumer, 'use.ts'), [
      "import { Exact, loadPolicy, settle, type Statement } from 'ratecard';",
      "import { AsyncSettlementBook, SettlementBook, type RunRecord } from 'ratecard/store';",
      "import { buildServer } from 'ratecard/server';",
      "const loaded = loadPolicy({ file: 'p.yaml', text: '' });",
      'export const ok: boolean = loaded.ok;',
      "export const cents: string = Exact.parse('1.005').round(2, 'half-up').toFixed(2);",
      'export type S = Statement;',
      'export type R = RunRecord;',
      'export const all = [settle, SettlementBook, AsyncSettlementBook, buildServer] as const;',
    ].join('\n'));
    writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, skipLibCheck: false, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', noEmit: true, types: ['node'] },
      files: ['use.ts'],
    }));
    let out = '';
    try {
      execFileSync(resolve('node_modules/.bin/tsc'), ['-p', join(consumer, 'tsconfig.json')], { encoding: 'utf8', cwd: consumer });
    } catch (e) {
      out = String((e as { stdout?: string }).stdout ?? e);
    }
    expect(out).toBe('');
  });

  it('runs the engine with its dependencies alone, and resolves the policy schema from node_modules', () => {
    const out = node([
      "import { readFileSync } from 'node:fs';",
      "import { createRequire } from 'node:module';",
      "import { loadPolicy } from 'ratecard';",
      "const require = createRequire(process.cwd() + '/');",
      "const loaded = loadPolicy({ file: 'rural-contract.yaml', text: readFileSync('node_modules/ratecard/policies/rural-contract.yaml', 'utf8') });",
      "console.log(loaded.ok, require('ratecard/policy.schema.json').$id, require.resolve('ratecard/policy.schema.json'));",
    ].join('\n'));
    expect(out.trim()).toBe(`true https://ratecard.dev/schema/policy.schema.json ${join(installed, 'policies/policy.schema.json')}`);
  });

  it('without the optional better-sqlite3, opening an SQLite store is a located error that says what to install', () => {
    const out = node([
      "import { SettlementBook } from 'ratecard/store';",
      "try { SettlementBook.open('book.db'); console.log('opened'); } catch (e) { console.log(e.message); }",
    ].join('\n'));
    expect(out.trim()).toBe('book.db:1:1 db: cannot open the settlement store: SQLite needs the optional dependency `better-sqlite3` (npm install better-sqlite3@12), or give a postgres:// URL');
    expect(existsSync(join(consumer, 'book.db'))).toBe(false);
  });
});

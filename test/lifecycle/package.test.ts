// A clean package: `ratecard --version` and the policy schema exported for `$schema` references
// from node_modules (`ratecard/policy.schema.json`).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/run-cli.js';

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

describe('package', () => {
  it('ratecard --version prints the package version', async () => {
    expect(await runCli(['--version'])).toEqual({ code: 0, stdout: `ratecard ${manifest.version}\n`, stderr: '' });
    expect((await runCli(['-V'])).stdout).toBe(`ratecard ${manifest.version}\n`);
  });

  it('exports the policy schema and the policy test schema (ratecard/policy.schema.json, ratecard/policy-test.schema.json)', () => {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e',
      "import { createRequire } from 'node:module'; const require = createRequire(process.cwd() + '/'); const s = require('ratecard/policy.schema.json'); console.log(s.$id + ' ' + require.resolve('ratecard/policy.schema.json'))"], { encoding: 'utf8' });
    const [id, path] = out.trim().split(' ');
    expect(id).toBe('https://ratecard.dev/schema/policy.schema.json');
    expect(readFileSync(path, 'utf8')).toBe(readFileSync('policies/policy.schema.json', 'utf8'));
    const tests = execFileSync(process.execPath, ['--input-type=module', '-e',
      "import { createRequire } from 'node:module'; console.log(createRequire(process.cwd() + '/')('ratecard/policy-test.schema.json').$id)"], { encoding: 'utf8' });
    expect(tests.trim()).toBe('https://ratecard.dev/schema/policy-test.schema.json');
  });
  // the packed package (dependencies, declarations under tsc --strict, optional better-sqlite3): test/package/packed.test.ts
});

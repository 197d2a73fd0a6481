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

  it('exports the policy schema as ratecard/policy.schema.json', () => {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e',
      "import { createRequire } from 'node:module'; const require = createRequire(process.cwd() + '/'); const s = require('ratecard/policy.schema.json'); console.log(s.$id + ' ' + require.resolve('ratecard/policy.schema.json'))"], { encoding: 'utf8' });
    const [id, path] = out.trim().split(' ');
    expect(id).toBe('https://ratecard.dev/schema/policy.schema.json');
    expect(readFileSync(path, 'utf8')).toBe(readFileSync('policies/policy.schema.json', 'utf8'));
  });
});

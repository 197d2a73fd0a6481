// The compiler reads as its pipeline (issue 13.7): compile-policy.ts imports every file under
// engine/compile/passes/, and the passes its header lists are called by compilePlan in that
// order. Each file of the compiler's passes and of its conditions stays readable in one
// sitting: at most 150 lines.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const MAX_LINES = 150;
const dir = 'engine/compile';
const policy = readFileSync(`${dir}/compile-policy.ts`, 'utf8');
const imported = new Map([...policy.matchAll(/^import (?:type )?\{([^}]*)\} from '\.\/passes\/([\w-]+)\.js';$/gm)]
  .map((m) => [m[2], m[1].split(',').map((s) => s.trim()).filter((s) => !s.startsWith('type '))]));

describe('the compile pipeline', () => {
  it('imports every pass file from compile-policy.ts', () => {
    const files = readdirSync(`${dir}/passes`).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''));
    expect([...imported.keys()].sort()).toEqual(files.sort());
  });

  it('calls the passes its header lists, in that order', () => {
    const listed = [...policy.matchAll(/^\/\/ +\d+\. ([\w-]+):/gm)].map((m) => m[1]);
    expect(listed).toEqual(['define-names', 'compile-metrics', 'compile-named-conditions', 'compile-rules', 'data-layout', 'generate-code']);
    const body = policy.slice(policy.indexOf('export function compilePlan'));
    const firstCall = listed.map((file) => {
      const calls = (imported.get(file) ?? []).map((fn) => body.indexOf(`${fn}(`)).filter((i) => i >= 0);
      expect(calls, `compilePlan calls a function of passes/${file}.ts`).not.toEqual([]);
      return Math.min(...calls);
    });
    expect(firstCall).toEqual([...firstCall].sort((a, b) => a - b));
  });

  it(`keeps each file of the passes and of conditions under ${MAX_LINES} lines`, () => {
    const files = [
      `${dir}/compile-policy.ts`, `${dir}/compile-condition.ts`,
      ...readdirSync(`${dir}/passes`).map((f) => `${dir}/passes/${f}`),
      ...readdirSync(`${dir}/condition`).map((f) => `${dir}/condition/${f}`),
    ];
    const long = files.map((f) => [f, readFileSync(f, 'utf8').split('\n').length - 1] as const).filter(([, n]) => n > MAX_LINES);
    expect(long).toEqual([]);
  });
});

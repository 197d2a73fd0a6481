// JSON request bodies as a careless client or an attacker sends them: valid bodies of every engine
// route mutated at random (characters dropped, inserted, swapped, the text cut short, values
// replaced). Every answer is an answer — 2xx, or 400/404/413/422 with located diagnostics (a real
// line and column, a field) — never a 500, never a stack trace, never a server path. Fixed seed.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listening, policyText, type Running, scenarioDataset } from '../server/serve-for-test.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20251203);
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

let server: Running;
beforeAll(async () => { server = await listening(); });
afterAll(() => server.close());

const dataset = scenarioDataset('service-center');
const BODIES: [string, unknown][] = [
  ['/validate', { policy: policyText('service-center'), dataset }],
  ['/simulate', { policy: { id: 'service-center' }, dataset, from: '2025-01', to: '2025-03' }],
  ['/explain', { policy: { id: 'service-center' }, dataset, payee: 'S01', period: '2025-02' }],
  ['/diff', { before: { policy: { id: 'service-center' } }, after: { policy: { id: 'service-center' }, overrides: { file: 'o.yaml', text: 'project_rate: 0.04\n' } }, dataset }],
];

const CHARS = ['{', '}', '[', ']', '"', ',', ':', '\\', 'x', '0', '-', ' ', '\n', 'é', '\u0000', 'null', 'true', '1e999', '"__proto__"', '"constructor"'];

/** One mutation of a JSON text at a position picked by fast-check. */
const mutation = fc.record({
  kind: fc.constantFrom('drop', 'insert', 'cut', 'swap', 'replace-value'),
  at: fc.nat(),
  what: fc.constantFrom(...CHARS),
});

function mutate(text: string, m: { kind: string; at: number; what: string }): string {
  const i = m.at % (text.length + 1);
  switch (m.kind) {
    case 'drop': return text.slice(0, i) + text.slice(i + 1);
    case 'insert': return text.slice(0, i) + m.what + text.slice(i);
    case 'cut': return text.slice(0, i);
    case 'swap': return text.slice(0, i) + text.slice(i + 1, i + 2) + text.slice(i, i + 1) + text.slice(i + 2);
    default: return text.replace(/"(2025-0[1-3]|S0[12]|service-center)"/, m.what);
  }
}

describe('JSON bodies, fuzzed', () => {
  it('answers every mutated body with a located diagnostic or a result, never an internal error', async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom(...BODIES), fc.array(mutation, { minLength: 1, maxLength: 3 }), async ([route, body], mutations) => {
      const text = mutations.reduce(mutate, JSON.stringify(body, null, 1));
      const res = await fetch(`${server.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
      const answer = await res.text();
      expect([200, 400, 404, 413, 415, 422], `${route} ${res.status}: ${answer.slice(0, 300)}`).toContain(res.status);
      expect(answer).not.toMatch(/\n\s+at |\/work\/|\/tmp\/|internal error/i);
      if (res.status !== 200) {
        const json = JSON.parse(answer) as { diagnostics: { line: number; column: number; message: string }[] };
        expect(json.diagnostics.length, answer).toBeGreaterThan(0);
        for (const d of json.diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeGreaterThanOrEqual(1);
          expect(d.message.length).toBeGreaterThan(0);
        }
      }
    }), { seed: SEED, numRuns: RUNS });
  });
});

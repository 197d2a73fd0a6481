// What the loader fuzz tests feed the engine: the bundled files with random edits (text spliced
// in, cut out, lines dropped or doubled, words swapped for nasty ones), random YAML made of the
// constructs the parser accepts, and the check every failure must pass: a located diagnostic.
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Diagnostic } from '../../engine/index.js';

/** Pieces a careless user or an attacker types: YAML syntax, prototype names, huge numbers, deep expressions. */
export const NASTY = [
  '*a', '&a ', '<<: 1', '<<: *a', '<<: [*a, 1]', '[', ']', '{', '}', '"', "'", ': ', '- ', '\n', '\n  ', '\t', '#', '? ', '? [a]\n: 1',
  '!!binary aGk=', '!foo ', '!!set ', '!!omap ', '|\n  x', '>', '---\n', '...\n', '%YAML 1.2\n---\n', '~', 'null', 'true', 'no',
  'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '.constructor', '.__proto__', '[0]', '[-1]', '[99]',
  '1e1000000', '1e999999999', '1e-10000', '9'.repeat(60), '0x1F', '0o17', '.inf', '-.inf', '.nan', '1_000', '-0', '1.', '.5',
  '('.repeat(150), ' + x'.repeat(600), 'sum(', 'min()', 'if(true, 1, false)', ' / 0', ' * ', ' and ', 'not ', ',',
  '%', '\u0000', '\uFEFF', '\u2028', '中文', 'a'.repeat(200), 'x: &a [*a]', 'a: &a {b: *a}', '{ <<: *nothing }',
  'type: tiers', 'columns: 1_000', 'of: map', 'type: schedule', 'value: {13: {Q5: 2}}', 'value: []', 'value: {}',
  'kind: refund', 'amount: { refund: { of: x, schedule: y } }', 'frequency: yearly', 'for_each: transactions',
];

/** A "billion laughs" document: seven levels of nine aliases each, 9^7 values when expanded. */
export const ALIAS_BOMB = ['a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]', ...'bcdefg'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill('*' + 'abcdefg'[i]).join(', ')}]`), 'h: [*g, *g, *g, *g, *g, *g, *g, *g, *g]'].join('\n') + '\n';

export type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'word'; at: number; text: string }
  | { kind: 'drop-line'; at: number }
  | { kind: 'double-line'; at: number };

const piece = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...NASTY) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: piece }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('word' as const), at: fc.nat(), text: piece }),
  fc.record({ kind: fc.constant('drop-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('double-line' as const), at: fc.nat() }),
);

export const mutations = fc.array(mutation, { minLength: 1, maxLength: 4 });

function apply(text: string, m: Mutation): string {
  const at = text.length ? m.at % text.length : 0;
  switch (m.kind) {
    case 'insert': return text.slice(0, at) + m.text + text.slice(at);
    case 'delete': return text.slice(0, at) + text.slice(at + m.length);
    case 'word': {
      // the word (letters, digits, `_`, `.`) around `at`, replaced
      let s = at, e = at;
      while (s > 0 && /[\w.]/.test(text[s - 1])) s--;
      while (e < text.length && /[\w.]/.test(text[e])) e++;
      return text.slice(0, s) + m.text + text.slice(e);
    }
    case 'drop-line': case 'double-line': {
      const lines = text.split('\n');
      const i = lines.length ? m.at % lines.length : 0;
      if (m.kind === 'drop-line') lines.splice(i, 1); else lines.splice(i, 0, lines[i]);
      return lines.join('\n');
    }
  }
}

export const mutate = (text: string, list: Mutation[]) => list.reduce(apply, text);

/** Random YAML from the constructs above and a few well-formed lines, 0 to 30 pieces. */
export const randomYaml = fc.array(
  fc.oneof(fc.constantFrom(...NASTY), fc.constantFrom('a: 1\n', 'b: [1, 2]\n', 'c: {d: e}\n', '- x\n', 'id: p\n', 'rules:\n', '  - id: r\n', 'params:\n', '  p: {type: rate, value: 0.1}\n')),
  { maxLength: 30 },
).map((parts) => parts.join(''));

/** Every diagnostic names one of `files`, a line and column from 1, a field (text) and a message. */
export function expectLocated(diagnostics: Diagnostic[], files: string[]): void {
  for (const d of diagnostics) {
    expect(files, JSON.stringify(d)).toContain(d.file);
    expect(Number.isInteger(d.line) && d.line >= 1, JSON.stringify(d)).toBe(true);
    expect(Number.isInteger(d.column) && d.column >= 1, JSON.stringify(d)).toBe(true);
    expect(typeof d.field, JSON.stringify(d)).toBe('string');
    expect(d.message.length, JSON.stringify(d)).toBeGreaterThan(0);
    expect(d.message, JSON.stringify(d)).not.toMatch(/\[object Object\]|\n\s+at |maximum call stack/i);
  }
}

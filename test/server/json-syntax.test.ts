// Malformed JSON located at its real line and column, whatever JSON.parse says (issue 10, point 5).
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../server/json-syntax.js';
import { positionAt } from '../../server/json-locate.js';

const at = (text: string) => {
  const error = findJsonSyntaxError(text);
  return error && { ...positionAt(text, error.offset), message: error.message };
};

describe('findJsonSyntaxError', () => {
  it('accepts well-formed JSON of every kind', () => {
    for (const text of ['{}', '[]', ' {"a": [1, -2.5e+3, true, false, null, "x\\"\\u00e9\\n"], "b": {}} ', '"s"', '0', '[[[[]]]]']) {
      expect(findJsonSyntaxError(text), text).toBeUndefined();
      expect(() => JSON.parse(text)).not.toThrow();
    }
  });

  it.each([
    ['{\n  "policy" {}}', 2, 12, 'expected `:` after property name'],
    ['{\n  "a": 1,\n  "b": }', 3, 8, 'unexpected `}`: expected a value (a string in double quotes, a number, an object, a list, `true`, `false` or `null`)'],
    ['{"a": 1\n "b": 2}', 2, 2, 'unexpected `"`: expected `,` or `}`'],
    ['{"a": tru}', 1, 7, 'unexpected `t`: expected a value (a string in double quotes, a number, an object, a list, `true`, `false` or `null`)'],
    ['{\n "a": [1, 2,\n', 3, 1, 'unexpected end of the body; `]` is missing'],
    ['{"a": "line\nbreak"}', 1, 12, 'a line break or control character inside a string (escape it, e.g. `\\n`)'],
    ['{"a": "\\x"}', 1, 8, 'bad escape `\\x` in a string'],
    ['{"a": 01}', 1, 7, 'bad number'],
    ["{'a': 1}", 1, 2, 'unexpected `\'`: expected a property name in double quotes'],
    ['{"a": 1,}', 1, 9, 'unexpected `}`: expected a property name in double quotes'],
    ['{} []', 1, 4, 'unexpected `[` after the end of the JSON value'],
    ['{"a": "open', 1, 7, 'unterminated string'],
  ])('locates %j at %i:%i', (text, line, column, message) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(at(text)).toEqual({ line, column, message });
  });

  it('needs no stack for deep nesting', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(199_999);
    expect(at(deep)).toEqual({ line: 1, column: 400_000, message: 'unexpected end of the body; `]` is missing' });
  });
});

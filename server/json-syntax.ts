// Where a JSON text stops being JSON: the offset of the first syntax error and why, found by one
// pass over the text (no recursion, so deep nesting costs no stack). Node's JSON.parse names a
// position only for some errors, so malformed bodies were all located at 1:1 before.
export interface JsonSyntaxError { offset: number; message: string }

type Want = 'value' | 'value-or-end' | 'key' | 'key-or-end' | 'colon' | 'comma-or-end' | 'end';

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const shown = (c: string) => (c.charCodeAt(0) < 0x20 ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c);

/** The index just after the string that starts at `start` (a `"`), or the error in it. */
function scanString(text: string, start: number): number | JsonSyntaxError {
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '"') return i + 1;
    if (c === '\\') {
      const next = text[i + 1];
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { offset: i, message: 'bad `\\u` escape: expected 4 hex digits' };
        i += 5;
      } else if (next !== undefined && ESCAPES.has(next)) {
        i++;
      } else {
        return { offset: i, message: `bad escape \`\\${next === undefined ? '' : shown(next)}\` in a string` };
      }
    } else if (c.charCodeAt(0) < 0x20) {
      return { offset: i, message: 'a line break or control character inside a string (escape it, e.g. `\\n`)' };
    }
  }
  return { offset: start, message: 'unterminated string' };
}

/** The first syntax error of `text`, or undefined when it is one well-formed JSON value. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const open: string[] = [];
  let want: Want = 'value';
  const after = (): Want => (open.length ? 'comma-or-end' : 'end');
  let i = 0;
  for (;;) {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
    if (i >= text.length) {
      if (want === 'end') return undefined;
      const closer = open.length ? `; \`${open.at(-1) === '{' ? '}' : ']'}\` is missing` : '';
      return { offset: text.length, message: `unexpected end of the body${closer}` };
    }
    const c = text[i];
    switch (want) {
      case 'value':
      case 'value-or-end': {
        if (want === 'value-or-end' && c === ']') { open.pop(); i++; want = after(); break; }
        if (c === '{' || c === '[') { open.push(c); i++; want = c === '{' ? 'key-or-end' : 'value-or-end'; break; }
        if (c === '"') {
          const end = scanString(text, i);
          if (typeof end !== 'number') return end;
          i = end; want = after(); break;
        }
        if (c === '-' || (c >= '0' && c <= '9')) {
          NUMBER.lastIndex = i;
          const m = NUMBER.exec(text);
          const end = m ? i + m[0].length : i;
          if (!m || /[0-9.eE+-]/.test(text[end] ?? '')) return { offset: i, message: 'bad number' };
          i = end; want = after(); break;
        }
        const literal = ['true', 'false', 'null'].find((l) => text.startsWith(l, i));
        if (literal) { i += literal.length; want = after(); break; }
        return { offset: i, message: `unexpected \`${shown(c)}\`: expected a value (a string in double quotes, a number, an object, a list, \`true\`, \`false\` or \`null\`)` };
      }
      case 'key':
      case 'key-or-end': {
        if (want === 'key-or-end' && c === '}') { open.pop(); i++; want = after(); break; }
        if (c !== '"') return { offset: i, message: `unexpected \`${shown(c)}\`: expected a property name in double quotes` };
        const end = scanString(text, i);
        if (typeof end !== 'number') return end;
        i = end; want = 'colon'; break;
      }
      case 'colon':
        if (c !== ':') return { offset: i, message: 'expected `:` after property name' };
        i++; want = 'value'; break;
      case 'comma-or-end': {
        const closer = open.at(-1) === '{' ? '}' : ']';
        if (c === ',') { i++; want = closer === '}' ? 'key' : 'value'; break; }
        if (c === closer) { open.pop(); i++; want = after(); break; }
        return { offset: i, message: `unexpected \`${shown(c)}\`: expected \`,\` or \`${closer}\`` };
      }
      case 'end':
        return { offset: i, message: `unexpected \`${shown(c)}\` after the end of the JSON value` };
    }
  }
}

// Where a value sits in a JSON text: 1-based line and column of the member (its key) or array
// element a path names, so a request error points into the body the client sent.
export interface JsonPosition { line: number; column: number }

const isSpace = (c: string) => c === ' ' || c === '\n' || c === '\r' || c === '\t';

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text[i])) i++;
  return i;
}

/** The index just after the string starting at `i` (a `"`). */
function skipString(text: string, i: number): number {
  for (i++; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return i;
}

/** The index just after the value starting at `i`. */
function skipValue(text: string, i: number): number {
  if (text[i] === '"') return skipString(text, i);
  if (text[i] !== '{' && text[i] !== '[') {
    while (i < text.length && !isSpace(text[i]) && text[i] !== ',' && text[i] !== '}' && text[i] !== ']') i++;
    return i;
  }
  let depth = 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '"') i = skipString(text, i) - 1;
    else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && --depth === 0) return i + 1;
  }
  return i;
}

/** The offset of the member `key` (its key) or element `key` of the container at `i`, or -1. */
function childAt(text: string, i: number, key: string): { at: number; value: number } | undefined {
  const object = text[i] === '{';
  if (!object && text[i] !== '[') return undefined;
  let index = 0;
  i = skipSpace(text, i + 1);
  while (i < text.length && text[i] !== '}' && text[i] !== ']') {
    const at = i;
    let name = String(index++);
    if (object) {
      const end = skipString(text, i);
      try { name = JSON.parse(text.slice(i, end)) as string; } catch { return undefined; }
      i = skipSpace(text, skipSpace(text, end) + 1);
    }
    if (name === key) return { at, value: i };
    i = skipSpace(text, skipValue(text, i));
    if (text[i] === ',') i = skipSpace(text, i + 1);
  }
  return undefined;
}

export function positionAt(text: string, offset: number): JsonPosition {
  let line = 1, start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) { line++; start = i + 1; }
  return { line, column: offset - start + 1 };
}

/** The position of the deepest part of `path` present in `text`; 1:1 when the text is not JSON. */
export function locateJson(text: string, path: string[]): JsonPosition {
  let value = skipSpace(text, 0), at = value;
  for (const key of path) {
    const child = childAt(text, value, key);
    if (!child) break;
    ({ at, value } = child);
  }
  return positionAt(text, at);
}

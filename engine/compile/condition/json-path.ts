// The `path` of a fact or a value: a JSONPath of the simple kind json-rules-engine users write.
import { Exact } from '../../exact/exact.js';
import type { Value } from '../values.js';

/** `$.a.b[0]` as a function from a value to the part it names. */
export function compilePath(path: string): ((v: Value | undefined) => Value | undefined) | undefined {
  const m = /^\$((?:\.[A-Za-z0-9_]+|\[\d+\])*)$/.exec(path);
  if (!m) return undefined;
  const steps = [...m[1].matchAll(/\.([A-Za-z0-9_]+)|\[(\d+)\]/g)].map((s) => s[1] ?? Number(s[2]));
  // as json-rules-engine reads it: a path on a value that is not an object (a number, a text) is
  // ignored and the value itself compared; into lists (an index or `length`) and a map's own keys
  // its JSONPath reads, a part that is not there is nothing, and nothing reaches a prototype
  return (v) => {
    if (!Array.isArray(v) && !isMap(v)) return v;
    let cur: unknown = v;
    for (const s of steps) {
      if (Array.isArray(cur)) cur = s === 'length' ? Exact.of(cur.length) : typeof s === 'number' ? cur[s] : undefined;
      else if (isMap(cur)) cur = Object.hasOwn(cur, s) ? cur[s] : undefined;
      else return undefined;
    }
    return cur as Value | undefined;
  };
}

const isMap = (v: unknown): v is Record<string | number, unknown> =>
  !!v && typeof v === 'object' && !(v instanceof Exact) && !(v instanceof Map) && !Array.isArray(v);

/** `$.high` → `.high`, so a trace reads `limits.high 90`, not `limits 90`. */
export const pathText = (path: unknown) => (typeof path === 'string' ? path.replace(/^\$/, '') : '');

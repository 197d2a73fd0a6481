// What changed between two versions of a policy, in the words of its parameters: every number
// that differs (`step_rate` 2 % → 3 %, `card_rate.mobile`, row 2 `award` of a tier list), read
// from the two texts as written (never through a float), and whether anything else changed.
import { isMap, parseDocument, type Document } from 'yaml';
import type { ParamValue } from '../../../engine/index.js';
import { valueOf } from '../form/values-from-text.js';

export interface ParamChange {
  /** The parameter's name and, inside a map, list, tier list or schedule, where (a tier row counts from 1). */
  name: string;
  at: string[];
  /** The type the number is shown as (`rate` as a percentage, `money` as ¥). */
  type?: string;
  /** Absent when the entry did not exist on that side. */
  before?: string;
  after?: string;
}

export interface VersionChanges { changes: ParamChange[]; otherEdits: boolean }

interface Declared { type?: string; of?: string; columns?: Record<string, string>; value?: ParamValue }

function declared(doc: Document, text: string): Map<string, Declared> {
  const out = new Map<string, Declared>();
  const params = doc.get('params', true);
  if (!isMap(params)) return out;
  for (const pair of params.items) {
    const name = String((pair.key as { value?: unknown })?.value ?? pair.key);
    const node = pair.value;
    if (!isMap(node)) { out.set(name, {}); continue; }
    const columns = node.get('columns', true);
    out.set(name, {
      type: node.get('type') as string | undefined,
      of: node.get('of') as string | undefined,
      columns: isMap(columns) ? (columns.toJSON() as Record<string, string>) : undefined,
      value: valueOf(node.get('value', true), text),
    });
  }
  return out;
}

/** Each number of a value with where it is: `[]` for a scalar, `[key]`, `[row, column]`, `[month, quarter]`. */
function leaves(value: ParamValue | undefined, at: string[] = [], out = new Map<string, { at: string[]; value: string }>()) {
  if (value === undefined) return out;
  if (typeof value === 'string') out.set(JSON.stringify(at), { at, value });
  else if (Array.isArray(value)) value.forEach((v, i) => leaves(v, [...at, String(i + 1)], out));
  else for (const [k, v] of Object.entries(value)) leaves(v, [...at, k], out);
  return out;
}

const leafType = (d: Declared | undefined, at: string[]): string | undefined => {
  if (!d) return undefined;
  if (d.type === 'tiers') return d.columns?.[at[1]];
  if (d.type === 'map' || d.type === 'list') return d.of;
  if (d.type === 'schedule') return undefined;
  return d.type;
};

/** The text without its parameters' values, to tell whether anything but a number changed. */
function withoutValues(doc: Document): string {
  const json = doc.toJSON() as Record<string, unknown> | null;
  const params = json?.params as Record<string, Record<string, unknown>> | undefined;
  if (params) for (const p of Object.values(params)) if (p && typeof p === 'object') delete p.value;
  return JSON.stringify(json);
}

/** The numbers that differ between two policy texts, parameter by parameter in the newer text's order. */
export function paramChanges(beforeText: string, afterText: string): VersionChanges {
  const a = parseDocument(beforeText), b = parseDocument(afterText);
  if (a.errors.length || b.errors.length) return { changes: [], otherEdits: beforeText !== afterText };
  const pa = declared(a, beforeText), pb = declared(b, afterText);
  const changes: ParamChange[] = [];
  for (const name of [...new Set([...pb.keys(), ...pa.keys()])]) {
    const la = leaves(pa.get(name)?.value), lb = leaves(pb.get(name)?.value);
    for (const key of new Set([...lb.keys(), ...la.keys()])) {
      const x = la.get(key), y = lb.get(key);
      if (x?.value === y?.value) continue;
      const at = (y ?? x)!.at;
      const type = leafType(pb.get(name) ?? pa.get(name), at);
      changes.push({ name, at, ...(type ? { type } : {}), ...(x ? { before: x.value } : {}), ...(y ? { after: y.value } : {}) });
    }
  }
  return { changes, otherEdits: withoutValues(a) !== withoutValues(b) };
}

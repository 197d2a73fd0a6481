// Validation of a policy text by the engine, and the summary the policy list shows. Results are
// kept by text version, so listing unchanged policies does not compile them again.
import { parse } from 'yaml';
import { loadPolicy, type Diagnostic } from '../../engine/index.js';
import { textVersion } from './text-version.js';

export interface CheckResult {
  ok: boolean;
  /** Errors when not ok; warnings otherwise. */
  diagnostics: Diagnostic[];
  id: string | null;
  name: string | null;
  version: string | null;
}

const MAX_CACHED = 200;
const cache = new Map<string, CheckResult>();

/** What the list can still show of an invalid policy: its `id`, `name` and `version` if they parse. */
function header(text: string): Pick<CheckResult, 'id' | 'name' | 'version'> {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch {
    doc = undefined;
  }
  const map = doc && typeof doc === 'object' && !Array.isArray(doc) ? (doc as Record<string, unknown>) : {};
  const field = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : null);
  return { id: field(map.id), name: field(map.name), version: field(map.version) };
}

export function checkPolicy(displayName: string, text: string): CheckResult {
  const key = `${displayName}\n${textVersion(text)}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const loaded = loadPolicy({ file: displayName, text });
  const result: CheckResult = loaded.ok
    ? { ok: true, diagnostics: loaded.warnings, id: loaded.policy.id, name: loaded.policy.name, version: loaded.policy.version }
    : { ok: false, diagnostics: loaded.diagnostics, ...header(text) };
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(key, result);
  return result;
}

// The editor server's JSON API (editor/server), one function per endpoint.
import type { Diagnostic } from '../../../engine/index.js';
import type { SaveImpact } from '../save/impact-guard.js';

export interface PolicyListItem { file: string; id: string; name: string; version: string; valid: boolean }
export interface PolicyText { file: string; text: string; version: string }
export interface HistoryEntry {
  version: string; author: string; message: string; savedAt: string; size: number;
  /** The impact confirmed when this version was saved in the editor. */
  impact?: SaveImpact;
}
export interface DatasetInfo { name: string; tables: string[]; policy: string | null }

export type SaveResult =
  | { kind: 'saved'; version: string; savedAt: string }
  | { kind: 'conflict'; message: string; currentVersion: string | null }
  | { kind: 'invalid'; diagnostics: Diagnostic[] }
  | { kind: 'error'; message: string };

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { message?: string };
    throw new Error(body.message ?? `${res.status} ${res.statusText}`);
  }
  return (await res.json()) as T;
}

const enc = encodeURIComponent;

export const api = {
  policies: () => fetch('/api/policies').then((r) => json<PolicyListItem[]>(r)),
  policy: (file: string) => fetch(`/api/policies/${enc(file)}`, { cache: 'no-store' }).then((r) => json<PolicyText>(r)),
  history: (file: string) => fetch(`/api/policies/${enc(file)}/history`).then((r) => json<HistoryEntry[]>(r)),
  historyText: (file: string, version: string) => fetch(`/api/policies/${enc(file)}/history/${enc(version)}`).then((r) => json<{ version: string; text: string }>(r)),
  diff: (file: string, from: string, to: string) =>
    fetch(`/api/policies/${enc(file)}/diff?from=${enc(from)}&to=${enc(to)}`).then((r) => json<{ unified: string }>(r)),
  /** The policy's test cases beside it, or undefined when it has none. */
  tests: (file: string) => fetch(`/api/policies/${enc(file)}/tests`, { cache: 'no-store' }).then((r) => (r.status === 404 ? undefined : json<{ file: string; text: string }>(r))),
  datasets: () => fetch('/api/datasets').then((r) => json<DatasetInfo[]>(r)),
  /** Where a bundled table is served: the workers fetch it (table-bytes.ts), the page never holds its text. */
  tableUrl: (name: string, table: string) => `/api/datasets/${enc(name)}/${enc(table)}`,

  /** `impact`: the change's impact the person saw (and confirmed above the threshold), for the history. */
  async save(file: string, body: { text: string; baseVersion: string | null; author: string; message: string; impact?: SaveImpact }): Promise<SaveResult> {
    const res = await fetch(`/api/policies/${enc(file)}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (res.ok) return { kind: 'saved', version: String(data.version), savedAt: String(data.savedAt) };
    if (res.status === 409) return { kind: 'conflict', message: String(data.message ?? ''), currentVersion: (data.currentVersion as string | null) ?? null };
    if (res.status === 422) return { kind: 'invalid', diagnostics: (data.diagnostics as Diagnostic[]) ?? [] };
    return { kind: 'error', message: String(data.message ?? res.statusText) };
  },
};

// The policy registry's routes (server/routes/approvals.ts), one function per route. Writes go
// with the page's session cookie, like saves; a refusal throws its located message.
import { type TableInput, textSource } from '../worker/table-bytes.js';
import type { MeasuredImpact, PolicyState } from '../../../store/policies/types.js';

export interface VersionInfo {
  policyId: string; version: string; file: string; sourceHash: string; effectiveFrom: string | null; author: string; createdAt: string;
  state: PolicyState; submittedBy: string | null; submittedAt: string | null; impact: MeasuredImpact | null; decidedBy: string | null; decidedAt: string | null;
}
export interface TransitionInfo { seq: number; from: PolicyState | null; to: PolicyState; by: string; at: string; why: string }
export interface Dataset { payees: TableInput; facts: TableInput; transactions?: TableInput }

/** A refusal of the registry: the server's located message, and its status (403 someone not allowed, 409 wrong state, 503 no store). */
export class ApprovalError extends Error {
  constructor(message: string, readonly status: number) { super(message); }
}

async function answer<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => ({}))) as { message?: string };
  if (!res.ok) throw new ApprovalError(body.message ?? `${res.status} ${res.statusText}`, res.status);
  return body as T;
}

const enc = encodeURIComponent;
const postJson = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export const approvals = {
  list: (query: { policyId?: string; state?: PolicyState } = {}) => {
    const q = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined) as [string, string][]).toString();
    return fetch(`/policy-versions${q ? `?${q}` : ''}`, { cache: 'no-store' }).then((r) => answer<{ versions: VersionInfo[] }>(r)).then((a) => a.versions);
  },
  show: (policyId: string, version: string) =>
    fetch(`/policy-versions/${enc(policyId)}/${enc(version)}`, { cache: 'no-store' }).then((r) => answer<{ version: VersionInfo & { source: string }; transitions: TransitionInfo[] }>(r)),
  /** The dataset's tables go as text (a Blob the page holds is read for it). */
  submit: async (body: { policy: { file: string; text: string }; by: string; why: string; from?: string; dataset: Dataset }) => {
    const { payees, facts, transactions } = body.dataset;
    const dataset = { payees: await textSource(payees), facts: await textSource(facts), ...(transactions ? { transactions: await textSource(transactions) } : {}) };
    return postJson('/policy-versions', { ...body, dataset }).then((r) => answer<VersionInfo>(r));
  },
  decide: (policyId: string, version: string, action: 'approve' | 'reject' | 'withdraw', body: { by: string; why: string }) =>
    postJson(`/policy-versions/${enc(policyId)}/${enc(version)}/${action}`, body).then((r) => answer<VersionInfo>(r)),
};

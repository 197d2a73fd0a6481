// A synchronous backend answered asynchronously: the SQLite store behind the asynchronous book.
// Each write is still one synchronous transaction, so requests of one process never interleave in it.
import type { SettlementBackend, SyncBackend } from './backend.js';
import { laterPolicies } from './policies/later-policies.js';

const METHODS = ['stamp', 'closedPeriods', 'closedPolicies', 'getRun', 'listRuns', 'lines', 'ledger', 'hasLines',
  'sealedLines', 'sealedRuns', 'post', 'close', 'schemaVersions', 'shutdown'] as const satisfies readonly (keyof SettlementBackend)[];

// every method of the interface is listed (a compile error otherwise)
type Unlisted = Exclude<keyof SettlementBackend, (typeof METHODS)[number] | 'name' | 'policies'>;
export const EVERY_METHOD_LISTED: [Unlisted] extends [never] ? true : Unlisted = true;

export function later(backend: SyncBackend): SettlementBackend {
  const out: Record<string, unknown> = { name: backend.name, policies: laterPolicies(backend.policies) };
  for (const m of METHODS) {
    const method = backend[m] as (...args: unknown[]) => unknown;
    out[m] = async (...args: unknown[]) => method.apply(backend, args);
  }
  return out as unknown as SettlementBackend;
}

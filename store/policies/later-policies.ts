// The SQLite registry answered asynchronously, behind the asynchronous book.
import type { PolicyBackend } from './backend.js';

const METHODS = ['versions', 'version', 'transitions', 'gate', 'change', 'setting', 'setSetting'] as const satisfies readonly (keyof PolicyBackend<true>)[];

// every method of the interface is listed (a compile error otherwise)
type Unlisted = Exclude<keyof PolicyBackend<true>, (typeof METHODS)[number]>;
export const EVERY_POLICY_METHOD_LISTED: [Unlisted] extends [never] ? true : Unlisted = true;

export function laterPolicies(policies: PolicyBackend<false>): PolicyBackend<true> {
  const out: Record<string, unknown> = {};
  for (const m of METHODS) {
    const method = policies[m] as (...args: unknown[]) => unknown;
    out[m] = async (...args: unknown[]) => method.apply(policies, args);
  }
  return out as unknown as PolicyBackend<true>;
}

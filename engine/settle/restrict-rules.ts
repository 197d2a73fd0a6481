// A compiled policy that evaluates only some of its rules, for a preview that recomputes what a
// parameter edit can change: the caller names the rules and every rule whose lines they read.
// The other rules stay in place but never run, so every rule keeps its position (line ids,
// ledgers and windows are what a full settle makes) and makes no line.
import type { CompiledPolicy } from '../policy/load-policy.js';

const never = () => false;

export function restrictRules(policy: CompiledPolicy, ruleIds: ReadonlySet<string>): CompiledPolicy {
  const rules = policy.plan.rules.map((r) => (ruleIds.has(r.id) ? r : { ...r, runsIn: never }));
  // the month's generated function runs every rule it has: the loop runs only these
  return { ...policy, plan: { ...policy.plan, rules, month: undefined } };
}

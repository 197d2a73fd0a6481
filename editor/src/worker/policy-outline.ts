// The names a policy defines, as the page shows them (completion, the parameter form), and the
// small conversions between the page's range and the engine's options.
import type { CompiledPolicy, SettleOptions } from '../../../engine/index.js';
import type { PeriodRange, PolicyOutline } from './protocol.js';

export function outlineOf(policy: CompiledPolicy): PolicyOutline {
  return {
    id: policy.id,
    name: policy.name,
    params: policy.params,
    facts: policy.facts.map(({ name, type, description }) => ({ name, type, description })),
    metrics: policy.metrics.map((m) => m.name),
    rules: policy.rules.map(({ id, kind, description }) => ({ id, kind, description })),
  };
}

export const optionsOf = (range: PeriodRange): SettleOptions => ({ ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}) });

/** `YYYY-MM` of a month number (year × 12 + month − 1). */
export const periodText = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;

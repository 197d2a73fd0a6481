// What a policy change costs: two compiled versions settled over the same input tables and range,
// compared in total, by kind, by payee and by line. The tables are read for each version, since
// a version may read other fact columns. Amounts only: no traces are kept.
import { readDataset } from '../data/dataset.js';
import { RatecardError } from '../errors.js';
import type { CompiledPolicy } from '../policy/load-policy.js';
import { settle } from '../settle/settle.js';
import type { DatasetInput, SettleOptions } from '../types.js';
import { compareStatements, type Impact } from './compare.js';

export interface PolicyDiff {
  from: string;
  to: string;
  impact: Impact;
}

export function diffPolicies(before: CompiledPolicy, after: CompiledPolicy, input: DatasetInput,
  options: Pick<SettleOptions, 'from' | 'to' | 'history' | 'budget'> & { top?: number } = {}): PolicyDiff {
  const run = (policy: CompiledPolicy) => {
    const read = readDataset(input, policy);
    if (!read.ok) throw new RatecardError(read.diagnostics);
    return settle(policy, read.dataset, { from: options.from, to: options.to, history: options.history, budget: options.budget, detail: 'amounts' });
  };
  const b = run(before), a = run(after);
  return { from: b.from, to: b.to, impact: compareStatements(b, a, options.top) };
}

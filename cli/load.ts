// Loading for commands: a policy (with an optional parameter file) and a dataset from paths,
// throwing every located problem at once.
import { type CompiledPolicy, type Dataset, loadPolicy, RatecardError, readDataset } from '../engine/index.js';
import { readSource } from './files.js';

export function loadPolicyFile(path: string, paramsPath?: string): CompiledPolicy {
  const result = loadPolicy(readSource(path, 'policy'), { overrides: paramsPath ? readSource(paramsPath, 'params') : undefined });
  if (!result.ok) throw new RatecardError(result.diagnostics);
  return result.policy;
}

export function loadDatasetFiles(policy: CompiledPolicy, files: { payees: string; facts: string; transactions?: string }): Dataset {
  const result = readDataset({
    payees: readSource(files.payees, 'payees'),
    facts: readSource(files.facts, 'facts'),
    transactions: files.transactions ? readSource(files.transactions, 'transactions') : undefined,
  }, policy);
  if (!result.ok) throw new RatecardError(result.diagnostics);
  return result.dataset;
}

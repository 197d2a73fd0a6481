// Loading for commands: a policy (with an optional parameter file) and a dataset from paths,
// throwing every located problem at once.
import { type CompiledPolicy, type Dataset, type DatasetInput, loadPolicy, RatecardError, readDataset } from '../engine/index.js';
import { readSource } from './files.js';

export function loadPolicyFile(path: string, paramsPath?: string): CompiledPolicy {
  const result = loadPolicy(readSource(path, 'policy'), { overrides: paramsPath ? readSource(paramsPath, 'params') : undefined });
  if (!result.ok) throw new RatecardError(result.diagnostics);
  return result.policy;
}

export interface DatasetFiles { payees: string; facts: string; transactions?: string }

/** The dataset's tables as read from their files, not yet checked against a policy. */
export function readDatasetFiles(files: DatasetFiles): DatasetInput {
  return {
    payees: readSource(files.payees, 'payees'),
    facts: readSource(files.facts, 'facts'),
    transactions: files.transactions ? readSource(files.transactions, 'transactions') : undefined,
  };
}

export function loadDatasetFiles(policy: CompiledPolicy, files: DatasetFiles): Dataset {
  const result = readDataset(readDatasetFiles(files), policy);
  if (!result.ok) throw new RatecardError(result.diagnostics);
  return result.dataset;
}

// Loading for commands: a policy (with an optional parameter file) and a dataset from paths,
// throwing every located problem at once.
import { type CompiledPolicy, type Dataset, type DatasetInput, loadPolicy, RatecardError, readDataset } from '../engine/index.js';
import { readSource } from './files.js';
import { type Encoding, readTableFile } from './formats/table-file.js';

export function loadPolicyFile(path: string, paramsPath?: string): CompiledPolicy {
  const result = loadPolicy(readSource(path, 'policy'), { overrides: paramsPath ? readSource(paramsPath, 'params') : undefined });
  if (!result.ok) throw new RatecardError(result.diagnostics);
  return result.policy;
}

export interface DatasetFiles { payees: string; facts: string; transactions?: string; encoding?: Encoding }

/** The dataset's tables as read from their files (CSV or .xlsx), not yet checked against a policy. */
export async function readDatasetFiles(files: DatasetFiles): Promise<DatasetInput> {
  return {
    payees: await readTableFile(files.payees, 'payees', files.encoding),
    facts: await readTableFile(files.facts, 'facts', files.encoding),
    transactions: files.transactions ? await readTableFile(files.transactions, 'transactions', files.encoding) : undefined,
  };
}

export async function loadDatasetFiles(policy: CompiledPolicy, files: DatasetFiles): Promise<Dataset> {
  const result = readDataset(await readDatasetFiles(files), policy);
  if (!result.ok) throw new RatecardError(result.diagnostics);
  return result.dataset;
}

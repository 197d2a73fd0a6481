// Turns a request's policy and dataset into what the engine takes: a policy given as YAML text,
// as a bundled policy's id (policies/<id>.yaml) or as a JSON document; every problem located.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import {
  type CompiledPolicy, type Dataset, type DatasetInput, loadPolicy, RatecardError, readDataset, type SourceText,
} from '../engine/index.js';
import { RequestError, requestDiagnostic } from './errors.js';

export interface PolicyInput { file?: string; text?: string; id?: string; document?: Record<string, unknown> }

/** The bundled policies folder: `policies/` at the package root, from the source tree or from dist/. */
export function bundledPoliciesDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..', 'policies'), join(here, '..', '..', 'policies')];
  return candidates.find((d) => existsSync(join(d, 'policy.schema.json'))) ?? candidates[0];
}

export function bundledPolicyIds(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.yaml') && !f.endsWith('.test.yaml')).map((f) => f.slice(0, -5)).sort();
  } catch {
    return [];
  }
}

/** The policy's source text; `field` names where it sits in the request, e.g. `policy` or `before`. */
export function policySource(input: PolicyInput, policiesDir: string, field = 'policy'): SourceText {
  if (input.text !== undefined) return { file: input.file ?? `${field}.yaml`, text: input.text };
  if (input.document !== undefined) {
    const id = typeof input.document.id === 'string' ? input.document.id : field;
    return { file: input.file ?? `${id}.yaml`, text: stringify(input.document) };
  }
  const id = input.id ?? '';
  const ids = bundledPolicyIds(policiesDir);
  if (!ids.includes(id)) {
    throw new RequestError(400, 'unknown policy', [requestDiagnostic('body', `${field}.id`,
      `unknown bundled policy \`${id}\`, expected one of ${ids.map((i) => `\`${i}\``).join(', ')}`, 'unknown-policy')]);
  }
  return { file: `policies/${id}.yaml`, text: readFileSync(join(policiesDir, `${id}.yaml`), 'utf8') };
}

export function compilePolicy(source: SourceText, overrides?: SourceText): CompiledPolicy {
  const loaded = loadPolicy(source, { overrides });
  if (!loaded.ok) throw new RatecardError(loaded.diagnostics);
  return loaded.policy;
}

export function datasetFor(policy: CompiledPolicy, input: DatasetInput): Dataset {
  const read = readDataset(input, policy);
  if (!read.ok) throw new RatecardError(read.diagnostics);
  return read.dataset;
}

/** What a policy-with-data request carries. */
export interface PolicyWithData { policy: PolicyInput; overrides?: SourceText; dataset: DatasetInput; from?: string; to?: string }

/** The compiled policy and its dataset, or a RatecardError with every located problem. */
export function loadRequest(body: Pick<PolicyWithData, 'policy' | 'overrides' | 'dataset'>, policiesDir: string, field = 'policy'): { policy: CompiledPolicy; dataset: Dataset } {
  const policy = compilePolicy(policySource(body.policy, policiesDir, field), body.overrides);
  return { policy, dataset: datasetFor(policy, body.dataset) };
}

// A bundled policy (policies/<name>.yaml), compiled.
import { readFileSync } from 'node:fs';
import { type CompiledPolicy, loadPolicy } from '../engine/index.js';

export function bundledPolicy(name: string): CompiledPolicy {
  const file = `policies/${name}.yaml`;
  const loaded = loadPolicy({ file, text: readFileSync(file, 'utf8') });
  if (!loaded.ok) throw new Error(`${file} does not load`);
  return loaded.policy;
}

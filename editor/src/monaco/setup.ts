// Monaco with only what the editor needs (the core, its features, YAML), its workers bundled by
// Vite (`?worker`), and monaco-yaml validating, completing and documenting keys from the engine's
// policy JSON Schema.
import * as monaco from 'monaco-editor/editor/editor.api.js';
import 'monaco-editor/features/register.all.js';
import 'monaco-editor/languages/definitions/yaml/register.js';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import { createWebWorker } from 'monaco-editor/internal/common/workers.js';
import { configureMonacoYaml } from 'monaco-yaml';
import { policySchema } from '../../../engine/index.js';
import YamlWorker from './yaml.worker.ts?worker';

export { monaco };

// The policies' modeline (`$schema=./policy.schema.json`) resolves to this URI, so it finds the schema.
export const SCHEMA_URI = 'file:///policies/policy.schema.json';

let configured = false;

export function setupMonaco(): typeof monaco {
  if (configured) return monaco;
  configured = true;
  (globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
    getWorker: (_id: string, label: string) => (label === 'yaml' ? new YamlWorker() : new EditorWorker()),
  };
  // monaco-yaml creates its worker with the pre-0.53 options ({ label, moduleId, createData });
  // monaco's internal createWebWorker still takes those, so hand monaco-yaml that one.
  const withLegacyWorkers = { ...monaco, editor: { ...monaco.editor, createWebWorker } } as unknown as typeof monaco;
  configureMonacoYaml(withLegacyWorkers, {
    enableSchemaRequest: false,
    hover: true,
    completion: true,
    validate: true,
    schemas: [{ uri: SCHEMA_URI, fileMatch: ['**/*.yaml'], schema: policySchema as never }],
  });
  return monaco;
}

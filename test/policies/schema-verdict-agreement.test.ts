// ajv (in the engine) and yaml-language-server (in the browser editor through monaco-yaml, and in
// VS Code through each policy's modeline) must give the same verdict, valid or invalid against
// the schema, on the bundled policies and on edits of them: otherwise a policy the editor shows
// clean fails `ratecard validate`, or the other way round. The schema also keeps to keywords both
// read, so a keyword one of them ignores cannot creep in.
import { readFileSync } from 'node:fs';
import Ajv2020Module from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { parseDocument } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { policySchema } from '../../engine/index.js';
import { SCENARIOS } from '../fixtures/scenario.js';
import { MUTATIONS, mutatedText } from './policy-mutations.js';
import { keywordsOutsideCommonList } from './schema-keywords.js';
import { type LsVerdict, yamlLanguageServer } from './yaml-language-server.js';

// compiled as engine/policy/check-schema.ts compiles it, over the JSON the engine reads (yaml 1.2 core, no merge keys)
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as new (options: object) => { compile(schema: object): ValidateFunction };
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(policySchema);

interface AjvVerdict { valid: boolean; problems: string[]; syntaxErrors: string[] }
function ajvVerdict(text: string): AjvVerdict {
  const doc = parseDocument(text, { uniqueKeys: true, merge: true }); // as engine/policy/yaml-source.ts reads policies
  const syntaxErrors = doc.errors.map((e) => e.message);
  const valid = validate(doc.toJS());
  return { valid, problems: (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.keyword}: ${e.message}`), syntaxErrors };
}

/**
 * Edits where the two disagree today, with why. The test fails if one of them starts agreeing
 * (take it off the list) and, like any other case, if a new disagreement appears.
 */
const KNOWN_DISAGREEMENTS: Record<string, string> = {};

const CASES = [
  ...SCENARIOS.map((name) => ({ name: `bundled: ${name}`, expect: 'valid' as const, text: readFileSync(`policies/${name}.yaml`, 'utf8') })),
  ...MUTATIONS.map((m) => ({ name: m.name, expect: m.expect, text: mutatedText(m) })),
];

const verdictOf = (v: { valid: boolean; problems: string[] }) => (v.valid ? 'valid' : `invalid (${v.problems.slice(0, 3).join('; ')})`);

describe('ajv and yaml-language-server agree on policies', () => {
  let ls: (text: string) => Promise<LsVerdict>;
  beforeAll(() => { ls = yamlLanguageServer(); });

  it('has a corpus of the bundled policies and 30+ edits with distinct names', () => {
    expect(MUTATIONS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES)('$name', async ({ name, expect: intended, text }) => {
    const engine = ajvVerdict(text);
    const editor = await ls(text);
    // a case must test the schema: the YAML itself parses on both sides, and the edit does what its name says
    expect(engine.syntaxErrors, 'yaml syntax errors (engine)').toEqual([]);
    expect(editor.syntaxErrors, 'yaml syntax errors (yaml-language-server)').toEqual([]);
    expect(verdictOf(engine).startsWith(intended), `ajv says ${verdictOf(engine)}, the case means ${intended}`).toBe(true);
    const known = KNOWN_DISAGREEMENTS[name];
    if (known) {
      expect(editor.valid, `listed as a known disagreement (${known}) but yaml-language-server now agrees with ajv: take it off the list`).not.toBe(engine.valid);
    } else {
      expect(editor.valid, `ajv: ${verdictOf(engine)}\nyaml-language-server: ${verdictOf(editor)}`).toBe(engine.valid);
    }
  });
});

describe('policies/policy.schema.json keywords', () => {
  it('uses only keywords both ajv and yaml-language-server read', () => {
    const schema = JSON.parse(readFileSync('policies/policy.schema.json', 'utf8')) as unknown;
    const outside = keywordsOutsideCommonList(schema).map((u) => `\`${u.keyword}\` at ${u.path}: ${u.why}`);
    expect(outside, `the schema uses keywords outside the common list:\n${outside.join('\n')}`).toEqual([]);
  });

  it('the scan finds such keywords however deep they are', () => {
    const schema = {
      type: 'object',
      $defs: { rule: { type: 'object', unevaluatedProperties: false, properties: { tuple: { prefixItems: [{}] } } } },
      properties: { rules: { items: { $ref: '#/$defs/rule' } }, when: { oneOf: [{ dependentSchemas: { a: {} } }] }, enum_data: { enum: [{ format: 'x' }] } },
    };
    expect(keywordsOutsideCommonList(schema).map((u) => `${u.path} ${u.keyword}`)).toEqual([
      '#/$defs/rule/unevaluatedProperties unevaluatedProperties',
      '#/$defs/rule/properties/tuple/prefixItems prefixItems',
      '#/properties/when/oneOf/0/dependentSchemas dependentSchemas',
    ]);
  });
});

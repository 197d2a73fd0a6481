// yaml-language-server run in Node the way the browser editor runs it (monaco-yaml 5.5 embeds
// yaml-language-server 1.23.0, the version pinned in package.json): the policy schema registered
// under the URI the policies' modeline `$schema=./policy.schema.json` resolves to, no schema
// fetching, validation only. VS Code reads the same committed file through the modeline.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface LsDiagnostic { message: string; severity?: number; source?: string; range: { start: { line: number; character: number } } }
interface LanguageService {
  configure(settings: { validate: boolean; hover: boolean; completion: boolean; format: boolean; schemas: { uri: string; fileMatch: string[]; schema: unknown }[] }): void;
  doValidation(document: unknown, isKubernetes: boolean): Promise<LsDiagnostic[]>;
}
const { getLanguageService } = require('yaml-language-server/lib/umd/languageservice/yamlLanguageService.js') as {
  getLanguageService(params: { schemaRequestService: (uri: string) => Promise<string>; workspaceContext: { resolveRelativePath(relative: string, resource: string): string } }): LanguageService;
};
const { TextDocument } = require('vscode-languageserver-textdocument') as {
  TextDocument: { create(uri: string, languageId: string, version: number, text: string): unknown };
};

/** The URI editor/src/monaco/setup.ts registers the schema under (SCHEMA_URI there). */
const SCHEMA_URI = 'file:///policies/policy.schema.json';

/** Where a schema problem comes from: yaml-language-server labels them `yaml-schema: <title>`. */
const SCHEMA_SOURCE = 'yaml-schema:';

export interface LsVerdict {
  valid: boolean;
  /** Schema problems, `line:col message` (yaml-language-server reports them all at severity 2, warning). */
  problems: string[];
  /** YAML syntax errors (severity 1, source `YAML`): a case with any of these tests the parser, not the schema. */
  syntaxErrors: string[];
}

export function yamlLanguageServer(): (text: string) => Promise<LsVerdict> {
  const service = getLanguageService({
    schemaRequestService: (uri) => Promise.reject(new Error(`schema requests are off, as in the editor: ${uri}`)),
    workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).toString() },
  });
  const schema = JSON.parse(readFileSync('policies/policy.schema.json', 'utf8')) as unknown;
  service.configure({ validate: true, hover: false, completion: false, format: false, schemas: [{ uri: SCHEMA_URI, fileMatch: ['**/*.yaml'], schema }] });
  let count = 0;
  return async (text) => {
    // yaml-language-server caches parsed documents by URI and version: every text gets a URI of its own.
    const document = TextDocument.create(`file:///policies/case-${++count}.yaml`, 'yaml', 1, text);
    const diagnostics = await service.doValidation(document, false);
    const shown = (d: LsDiagnostic) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`;
    const problems = diagnostics.filter((d) => d.source?.startsWith(SCHEMA_SOURCE)).map(shown);
    const syntaxErrors = diagnostics.filter((d) => !d.source?.startsWith(SCHEMA_SOURCE) && d.severity === 1).map(shown);
    return { valid: problems.length === 0, problems, syntaxErrors };
  };
}

// The policy files the editor may read and write: `[a-z0-9-]+.yaml` directly inside the policies
// folder, nothing else (no sub-folders, no dots, no path traversal).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { badRequest } from './http-error.js';

/** At most 100 characters before `.yaml`: far below any file system's name limit (255 bytes). */
export const POLICY_FILE_PATTERN = '^[a-z0-9-]{1,100}\\.yaml$';
const POLICY_FILE = new RegExp(POLICY_FILE_PATTERN);
export const POLICY_FILE_RULE = 'expected at most 100 lowercase letters, digits and dashes ending in `.yaml`, e.g. `rural-contract.yaml`';

export const isPolicyFileName = (name: string): boolean => POLICY_FILE.test(name);

/** User input quoted in a message: at most 60 characters of it. */
export const quoted = (value: string) => `\`${value.length > 60 ? `${value.slice(0, 60)}…` : value}\``;

export function checkPolicyFileName(name: string): string {
  if (!isPolicyFileName(name)) throw badRequest('file', `bad policy file name ${quoted(name)}: ${POLICY_FILE_RULE}`);
  return name;
}

export class PolicyFolder {
  constructor(
    /** Absolute path of the folder. */
    readonly dir: string,
    /** As shown in diagnostics, relative to the project root, e.g. `policies`. */
    readonly label: string,
  ) {}

  path(file: string): string {
    return join(this.dir, checkPolicyFileName(file));
  }

  /** `policies/rural-contract.yaml`: the file name diagnostics carry. */
  displayName(file: string): string {
    return this.label ? `${this.label}/${file}` : file;
  }

  /** The file's text, or undefined when it does not exist. */
  async read(file: string): Promise<string | undefined> {
    try {
      return await readFile(this.path(file), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  }

  /** The policy's test cases beside it (`rural-contract.test.yaml`), or undefined when it has none. */
  async readTests(file: string): Promise<{ file: string; text: string } | undefined> {
    const tests = checkPolicyFileName(file).replace(/\.yaml$/, '.test.yaml');
    try {
      return { file: tests, text: await readFile(join(this.dir, tests), 'utf8') };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  }

  async list(): Promise<string[]> {
    const entries = await readdir(this.dir, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return [];
      throw e;
    });
    return entries.filter((e) => e.isFile() && isPolicyFileName(e.name)).map((e) => e.name).sort();
  }
}

// The policy files the editor may read and write: `[a-z0-9-]+.yaml` directly inside the policies
// folder, nothing else (no sub-folders, no dots, no path traversal).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { badRequest } from './http-error.js';

const POLICY_FILE = /^[a-z0-9-]+\.yaml$/;

export const isPolicyFileName = (name: string): boolean => POLICY_FILE.test(name);

export function checkPolicyFileName(name: string): string {
  if (!isPolicyFileName(name)) {
    throw badRequest(`bad policy file name \`${name}\`: expected lowercase letters, digits and dashes ending in \`.yaml\`, e.g. \`rural-contract.yaml\``);
  }
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

  async list(): Promise<string[]> {
    const entries = await readdir(this.dir, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return [];
      throw e;
    });
    return entries.filter((e) => e.isFile() && isPolicyFileName(e.name)).map((e) => e.name).sort();
  }
}

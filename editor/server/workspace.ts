// The folders the editor works on, relative to a project root: the policies it reads and saves,
// the sample datasets, and the state folder (history and locks). Messages name them relative to
// the root, never by their path on the server.
import { relative, resolve } from 'node:path';
import { PolicyFolder } from './policy-files.js';
import { PolicyHistory } from './policy-history.js';
import { PolicyStore, type WriteFile } from './policy-store.js';

export interface WorkspaceOptions {
  /** The project folder; the other folders are relative to it. */
  root: string;
  policiesDir?: string;
  dataDir?: string;
  stateDir?: string;
  /** How policy files are written (default: atomically); tests hand in one that fails. */
  writeFile?: WriteFile;
}

export interface Workspace {
  store: PolicyStore;
  dataDir: string;
}

export function openWorkspace(options: WorkspaceOptions): Workspace {
  const root = resolve(options.root);
  const at = (dir: string) => resolve(root, dir);
  const policiesDir = at(options.policiesDir ?? 'policies');
  const folder = new PolicyFolder(policiesDir, relative(root, policiesDir).split('\\').join('/'));
  const stateDir = at(options.stateDir ?? '.ratecard');
  const store = new PolicyStore(folder, new PolicyHistory(resolve(stateDir, 'history')), resolve(stateDir, 'locks'), options.writeFile);
  return { store, dataDir: at(options.dataDir ?? 'data/scenarios') };
}

// Reading and saving policies with optimistic concurrency: a save names the version it was edited
// from, and is refused with a conflict when the file on disk is no longer that version. The check
// and the write run in one per-file queue, so of two saves from the same version one wins and the
// other gets the conflict; a lock file under `locksDir` does the same between processes. Every
// version the editor sees or writes is kept in the history. A save is whole: its history entry is
// written first, then the policy; when either fails, neither is kept and the previous version stays.
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { conflict, notSaved } from './http-error.js';
import type { RequestError } from '../../server/errors.js';
import { KeyedQueue } from './keyed-queue.js';
import { withLockFile } from './lock-file.js';
import { checkPolicyFileName, type PolicyFolder } from './policy-files.js';
import type { HistoryEntry, PolicyHistory } from './policy-history.js';
import { textVersion } from './text-version.js';

export interface PolicyText {
  file: string;
  text: string;
  version: string;
}

export interface SaveRequest {
  text: string;
  /** The version the edit started from; null for a new file. */
  baseVersion: string | null;
  author: string;
  message: string;
  /** The impact of the change the person saw (and confirmed) before saving, kept with the history entry. */
  impact?: Record<string, unknown>;
}

export const DISK_AUTHOR = 'disk';

/** How the policy file is written; tests hand in one that fails, to see a save fail as a whole. */
export type WriteFile = (path: string, text: string) => Promise<void>;

const reason = (e: unknown) => (e as NodeJS.ErrnoException).code ?? 'an unexpected error';

export class PolicyStore {
  private readonly queue = new KeyedQueue();

  constructor(
    readonly folder: PolicyFolder,
    readonly history: PolicyHistory,
    private readonly locksDir: string,
    writeFile?: WriteFile,
  ) {
    this.writeFile = writeFile ?? writeFileAtomic;
  }

  private readonly writeFile: WriteFile;

  /** Runs `task` alone for `file`: first in this process, then across processes. */
  private exclusive<T>(file: string, task: () => Promise<T>): Promise<T> {
    return this.queue.run(file, () => withLockFile(join(this.locksDir, `${checkPolicyFileName(file)}.lock`), task));
  }

  /** The file as it is on disk, recorded in the history when this version was never seen. */
  async current(file: string): Promise<PolicyText | undefined> {
    const text = await this.folder.read(file);
    if (text === undefined) return undefined;
    const version = textVersion(text);
    if ((await this.history.entries(file)).at(-1)?.version === version) return { file, text, version };
    return this.exclusive(file, () => this.readAndNote(file));
  }

  save(file: string, request: SaveRequest): Promise<HistoryEntry> {
    return this.exclusive(file, async () => {
      const current = await this.readAndNote(file);
      const conflict = conflictOf(file, current, request.baseVersion);
      if (conflict) throw conflict;
      const savedAt = new Date().toISOString();
      const kept = current ? `the previous version \`${current.version.slice(0, 12)}\` is still in place` : 'no file was created';
      let entry;
      try {
        entry = await this.history.record(file, request.text, { author: request.author, message: request.message, savedAt, ...(request.impact ? { impact: request.impact } : {}) });
      } catch (e) {
        throw notSaved(`policy \`${file}\` was not saved: its history entry could not be written (${reason(e)}); ${kept}`);
      }
      try {
        await mkdir(this.folder.dir, { recursive: true });
        await this.writeFile(this.folder.path(file), request.text);
      } catch (e) {
        const undone = await entry.undo().then(() => true, () => false);
        throw notSaved(`policy \`${file}\` was not saved: the file could not be written (${reason(e)}); ${kept}${undone ? '' : ', its history lists the unsaved version'}`);
      }
      const { undo: _undo, ...saved } = entry;
      return saved;
    });
  }

  /** Reads the file and records its version in the history if it is not the latest entry; call exclusively. */
  private async readAndNote(file: string): Promise<PolicyText | undefined> {
    const text = await this.folder.read(file);
    if (text === undefined) return undefined;
    const version = textVersion(text);
    const entries = await this.history.entries(file);
    if (entries.at(-1)?.version !== version) {
      const modified = await stat(this.folder.path(file)).then((s) => s.mtime.toISOString(), () => new Date().toISOString());
      const message = entries.length ? 'changed on disk outside the editor' : 'loaded from disk';
      await this.history.record(file, text, { author: DISK_AUTHOR, message, savedAt: modified });
    }
    return { file, text, version };
  }
}

function conflictOf(file: string, current: PolicyText | undefined, baseVersion: string | null): RequestError | undefined {
  if (baseVersion === null) {
    if (!current) return undefined;
    return conflict(`policy \`${file}\` already exists; open it and save over its current version`, current.version);
  }
  if (!current) return conflict(`policy \`${file}\` was deleted since version \`${baseVersion.slice(0, 12)}\`; save it as a new file`, null);
  if (current.version === baseVersion) return undefined;
  return conflict(`policy \`${file}\` changed since version \`${baseVersion.slice(0, 12)}\` was opened; it is now \`${current.version.slice(0, 12)}\`: reload it and apply your edit again`, current.version);
}

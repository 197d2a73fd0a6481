// Who saved which version of a policy, when and why. Per policy file, under
// `<stateDir>/history/<file>/`: one text per version, named by its sha256 (content-addressed), and an
// append-only `index.jsonl`, one entry a line, oldest first. Every write is atomic; callers
// serialise writes per file (see PolicyStore).
import { mkdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { checkPolicyFileName } from './policy-files.js';
import { textVersion } from './text-version.js';

export interface HistoryEntry {
  version: string;
  author: string;
  message: string;
  savedAt: string;
  /** Bytes of the text (UTF-8). */
  size: number;
  /** The impact of the change that was confirmed when it was saved (from the editor). */
  impact?: Record<string, unknown>;
}

const readOptional = async (path: string): Promise<string | undefined> => {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
};

function parseEntry(line: string): HistoryEntry | undefined {
  try {
    const e = JSON.parse(line) as Partial<HistoryEntry>;
    if (typeof e.version !== 'string' || typeof e.savedAt !== 'string') return undefined;
    const impact = e.impact && typeof e.impact === 'object' && !Array.isArray(e.impact) ? { impact: e.impact } : {};
    return { version: e.version, author: String(e.author ?? ''), message: String(e.message ?? ''), savedAt: e.savedAt, size: Number(e.size ?? 0), ...impact };
  } catch {
    return undefined;
  }
}

export class PolicyHistory {
  constructor(private readonly dir: string) {}

  private folder(file: string): string {
    return join(this.dir, checkPolicyFileName(file));
  }

  /** Entries oldest first; a line that does not parse (hand-edited index) is skipped. */
  async entries(file: string): Promise<HistoryEntry[]> {
    const index = await readOptional(join(this.folder(file), 'index.jsonl'));
    if (!index) return [];
    return index.split('\n').filter((l) => l.trim()).map(parseEntry).filter((e): e is HistoryEntry => !!e);
  }

  async text(file: string, version: string): Promise<string | undefined> {
    const text = await readOptional(join(this.folder(file), `${version}.yaml`));
    return text !== undefined && textVersion(text) === version ? text : undefined;
  }

  /**
   * Appends an entry (and keeps the text); answers the entry and an `undo` that puts the index
   * back as it was, for a save whose policy write fails after its history was written.
   */
  async record(file: string, text: string, entry: { author: string; message: string; savedAt: string; impact?: Record<string, unknown> }): Promise<HistoryEntry & { undo(): Promise<void> }> {
    const folder = this.folder(file);
    await mkdir(folder, { recursive: true });
    const version = textVersion(text);
    if ((await this.text(file, version)) === undefined) await writeFileAtomic(join(folder, `${version}.yaml`), text);
    const full: HistoryEntry = { version, ...entry, size: Buffer.byteLength(text, 'utf8') };
    const indexPath = join(folder, 'index.jsonl');
    const before = await readOptional(indexPath);
    const separator = before && !before.endsWith('\n') ? '\n' : '';
    await writeFileAtomic(indexPath, `${before ?? ''}${separator}${JSON.stringify(full)}\n`);
    const undo = () => (before === undefined ? unlink(indexPath) : writeFileAtomic(indexPath, before));
    return Object.assign(full, { undo });
  }
}

// The bytes the editor serves for a sample table (its text as UTF-8), kept for the last few
// tables while their files do not change: a trace in the editor asks for one payee's byte range
// of a 71 MB facts table, and reading and encoding the whole file again for each such request
// took the server a few hundred milliseconds.
import { stat } from 'node:fs/promises';

interface Kept { mtimeMs: number; size: number; body: Buffer }

export class TableBytesCache {
  private readonly kept = new Map<string, Kept>();

  /** `tables`: how many tables are kept (the least recently served goes first). */
  constructor(private readonly tables = 4) {}

  /** The bytes of the table at `path`, as `read` gives its text, read again when the file changed. */
  async bytes(path: string, read: () => Promise<string>): Promise<Buffer> {
    const file = await stat(path).catch(() => undefined);
    const hit = this.kept.get(path);
    if (file && hit && hit.mtimeMs === file.mtimeMs && hit.size === file.size) {
      this.kept.delete(path);
      this.kept.set(path, hit);
      return hit.body;
    }
    const body = Buffer.from(await read(), 'utf8');
    if (file) {
      this.kept.delete(path);
      this.kept.set(path, { mtimeMs: file.mtimeMs, size: file.size, body });
      for (const oldest of this.kept.keys()) {
        if (this.kept.size <= this.tables) break;
        this.kept.delete(oldest);
      }
    }
    return body;
  }
}

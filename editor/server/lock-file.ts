// A lock between processes (two editor servers, or a server and a script, over one folder): a
// file created with O_EXCL holding the owner's pid. A lock whose process is gone, or that is older
// than `staleMs`, is taken over. Within one process, KeyedQueue orders the callers first.
import { mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { busy } from './http-error.js';

export interface LockOptions {
  /** How long to wait for another process before answering busy. */
  waitMs?: number;
  /** A lock older than this is left over from a crash. */
  staleMs?: number;
  /** What the lock guards, as messages name it (never the lock's path on the server). */
  name?: string;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function isStale(path: string, staleMs: number): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return false;
  if (Date.now() - info.mtimeMs > staleMs) return true;
  const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim());
  return Number.isInteger(owner) && owner > 0 && owner !== process.pid && !alive(owner);
}

async function acquire(path: string, waitMs: number, staleMs: number, name: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const deadline = Date.now() + waitMs;
  for (let delay = 5; ; delay = Math.min(delay * 2, 100)) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    if (await isStale(path, staleMs)) {
      await unlink(path).catch(() => undefined);
      continue;
    }
    if (Date.now() > deadline) throw busy(`another process is saving \`${name}\`; try again in a moment`);
    await sleep(delay);
  }
}

export async function withLockFile<T>(path: string, task: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  await acquire(path, options.waitMs ?? 10_000, options.staleMs ?? 60_000, options.name ?? basename(path, '.lock'));
  try {
    return await task();
  } finally {
    await unlink(path).catch(() => undefined);
  }
}

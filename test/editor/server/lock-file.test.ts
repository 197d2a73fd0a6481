// The lock between processes: exclusive, taken over from a dead owner, busy while a live one holds it.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withLockFile } from '../../../editor/server/lock-file.js';
import { useTempDir } from './temp-dir.js';

const tempDir = useTempDir('ratecard-lock-');

describe('withLockFile', () => {
  it('runs the task holding the lock and removes it afterwards, also on failure', async () => {
    const lock = join(tempDir(), 'locks', 'a.yaml.lock');
    expect(await withLockFile(lock, async () => existsSync(lock))).toBe(true);
    expect(existsSync(lock)).toBe(false);
    await expect(withLockFile(lock, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(existsSync(lock)).toBe(false);
  });

  it('lets one holder in at a time', async () => {
    const lock = join(tempDir(), 'b.lock');
    let inside = 0;
    let most = 0;
    const task = async () => {
      inside++;
      most = Math.max(most, inside);
      await new Promise((r) => setImmediate(r));
      inside--;
    };
    await Promise.all([1, 2, 3, 4].map(() => withLockFile(lock, task)));
    expect(most).toBe(1);
  });

  it('takes over a lock left by a process that is gone', async () => {
    const lock = join(tempDir(), 'c.lock');
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(lock, String(gone));
    expect(await withLockFile(lock, async () => 'ran')).toBe('ran');
  });

  it('answers busy while a live process holds the lock', async () => {
    const lock = join(tempDir(), 'd.lock');
    writeFileSync(lock, String(process.pid));
    await expect(withLockFile(lock, async () => 'ran', { waitMs: 20 })).rejects.toMatchObject({
      status: 503, message: 'busy', diagnostics: [expect.objectContaining({ message: 'another process is saving `d`; try again in a moment' })],
    });
    expect(existsSync(lock)).toBe(true);
  });
});

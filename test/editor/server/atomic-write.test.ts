// Atomic writes and per-file queues: readers never see a part of a file, failures leave nothing.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../editor/server/atomic-write.js';
import { KeyedQueue } from '../../../editor/server/keyed-queue.js';
import { useTempDir } from './temp-dir.js';

const tempDir = useTempDir('ratecard-atomic-');

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temp file', async () => {
    const target = join(tempDir(), 'p.yaml');
    writeFileSync(target, 'old\n');
    await writeFileAtomic(target, 'new\n');
    expect(readFileSync(target, 'utf8')).toBe('new\n');
    expect(readdirSync(tempDir())).toEqual(['p.yaml']);
  });

  it('never lets a reader see a partial file while large texts are written', async () => {
    const target = join(tempDir(), 'big.yaml');
    const texts = ['a', 'b', 'c', 'd'].map((c) => c.repeat(4 * 1024 * 1024));
    writeFileSync(target, texts[0]);
    let writing = true;
    const seen = new Set<number>();
    const reader = (async () => {
      while (writing) {
        const text = await readFile(target, 'utf8');
        expect(texts.includes(text)).toBe(true);
        seen.add(texts.indexOf(text));
      }
    })();
    for (const text of [...texts.slice(1), texts[0]]) await writeFileAtomic(target, text);
    writing = false;
    await reader;
    expect(seen.size).toBeGreaterThan(0);
    expect(readdirSync(tempDir())).toEqual(['big.yaml']);
  });

  it('leaves the target as it was and no temp file when the write fails', async () => {
    const target = join(tempDir(), 'folder.yaml');
    mkdirSync(target);
    writeFileSync(join(target, 'keep'), 'x');
    await expect(writeFileAtomic(target, 'text')).rejects.toThrow();
    expect(readdirSync(tempDir())).toEqual(['folder.yaml']);
    expect(readdirSync(target)).toEqual(['keep']);
  });
});

describe('KeyedQueue', () => {
  it('runs tasks of one key one at a time, in order, and other keys alongside', async () => {
    const queue = new KeyedQueue();
    const events: string[] = [];
    const task = (name: string, ticks: number) => async () => {
      events.push(`start ${name}`);
      for (let i = 0; i < ticks; i++) await new Promise((r) => setImmediate(r));
      events.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([queue.run('a', task('a1', 3)), queue.run('a', task('a2', 1)), queue.run('b', task('b1', 1))]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(events.indexOf('end a1')).toBeLessThan(events.indexOf('start a2'));
    expect(events.indexOf('start b1')).toBeLessThan(events.indexOf('end a1'));
  });

  it('goes on after a task fails', async () => {
    const queue = new KeyedQueue();
    const failed = queue.run('a', async () => {
      throw new Error('boom');
    });
    await expect(failed).rejects.toThrow('boom');
    await expect(queue.run('a', async () => 'next')).resolves.toBe('next');
  });
});

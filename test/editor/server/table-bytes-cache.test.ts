// The bytes served for sample tables, kept while their files do not change, the last few only.
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { TableBytesCache } from '../../../editor/server/table-bytes-cache.js';

describe('table bytes cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ratecard-tables-'));
  const file = (name: string, text: string) => { const path = join(dir, name); writeFileSync(path, text); return path; };

  it('reads a table once while its file is unchanged, again when it changes', async () => {
    const cache = new TableBytesCache(2);
    const path = file('facts.csv', 'payee_id\nA\n');
    let reads = 0;
    const read = () => { reads++; return readFile(path, 'utf8'); };
    expect((await cache.bytes(path, read)).toString()).toBe('payee_id\nA\n');
    expect((await cache.bytes(path, read)).toString()).toBe('payee_id\nA\n');
    expect(reads).toBe(1);
    writeFileSync(path, 'payee_id\nB\n');
    utimesSync(path, new Date(), new Date(Date.now() + 5_000));
    expect((await cache.bytes(path, read)).toString()).toBe('payee_id\nB\n');
    expect(reads).toBe(2);
  });

  it('keeps the last tables served only', async () => {
    const cache = new TableBytesCache(2);
    const paths = ['a.csv', 'b.csv', 'c.csv'].map((n) => file(n, `${n}\n`));
    const reads: string[] = [];
    const get = (p: string) => cache.bytes(p, () => { reads.push(p); return readFile(p, 'utf8'); });
    for (const p of paths) await get(p);
    await get(paths[2]);
    await get(paths[1]);
    await get(paths[0]); // the least recently served went first
    expect(reads).toEqual([...paths, paths[0]]);
  });
});

// Writes generated rows to bench/.data/<name>/ in chunks, once: a stamp file records what was
// generated, so a later run with the same seed and sizes reuses the files.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const DATA_DIR = join(process.cwd(), 'bench', '.data'); // npm scripts and vitest run at the package root
const CHUNK = 5000;

type Rows = Record<string, string[]>;

/**
 * Files `<key>.csv` for each key of the rows `chunk(from, to)` returns, headers first; `count`
 * payees in chunks. Returns the paths by key.
 */
export function writeDataset(name: string, stamp: string, count: number, headers: Record<string, string>, chunk: (from: number, to: number) => Rows): Record<string, string> {
  const dir = join(DATA_DIR, name);
  const paths = Object.fromEntries(Object.keys(headers).map((k) => [k, join(dir, `${k}.csv`)]));
  const stampFile = join(dir, 'stamp');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return paths;
  mkdirSync(dir, { recursive: true });
  const fds = Object.fromEntries(Object.keys(headers).map((k) => [k, openSync(paths[k], 'w')]));
  try {
    for (const k of Object.keys(headers)) writeSync(fds[k], headers[k] + '\n');
    for (let from = 0; from < count; from += CHUNK) {
      const rows = chunk(from, Math.min(count, from + CHUNK));
      for (const k of Object.keys(headers)) if (rows[k].length) writeSync(fds[k], rows[k].join('\n') + '\n');
    }
  } finally {
    Object.values(fds).forEach((fd) => closeSync(fd));
  }
  writeFileSync(stampFile, stamp);
  return paths;
}

// Appends a file to an open output in fixed-size chunks, so parts of any size are joined
// without ever being held in memory whole.
import { closeSync, openSync, readSync, writeSync } from 'node:fs';

const CHUNK = 1 << 20;

export function appendFileTo(fd: number, path: string): void {
  const src = openSync(path, 'r');
  const buffer = Buffer.allocUnsafe(CHUNK);
  try {
    for (let n = readSync(src, buffer, 0, CHUNK, null); n > 0; n = readSync(src, buffer, 0, CHUNK, null)) writeSync(fd, buffer, 0, n);
  } finally {
    closeSync(src);
  }
}

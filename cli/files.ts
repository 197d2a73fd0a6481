// File edges of the CLI: read a source with a located error when it cannot be read, and write
// output atomically (temp file in the same folder, then rename) so no reader ever sees half.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { errorAt, RatecardError, type SourceText } from '../engine/index.js';

export function readSource(path: string, what: string): SourceText {
  return { file: path, text: readBytes(path, what).toString('utf8') };
}

export function readBytes(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'permission denied' : String(code ?? e);
    throw new RatecardError([errorAt({ file: path, line: 1, column: 1 }, what, `cannot read the ${what} file: ${why}`, 'io')]);
  }
}

export function writeAtomic(path: string, content: string | Uint8Array): void {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temp, content);
    renameSync(temp, path);
  } catch (e) {
    try { rmSync(temp, { force: true }); } catch { /* the temp file was never created */ }
    const code = (e as NodeJS.ErrnoException).code;
    throw new RatecardError([errorAt({ file: path, line: 1, column: 1 }, 'out', `cannot write the output file: ${code === 'EACCES' ? 'permission denied' : code ?? String(e)}`, 'io')]);
  }
}

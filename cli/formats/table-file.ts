// A dataset table from a file as operators have it: an Excel workbook (.xlsx), or CSV in UTF-8
// (with or without BOM) or GB18030/GBK. `auto` reads UTF-8 when the bytes are valid UTF-8 (plain
// ASCII included) and GB18030 otherwise; GB18030 is a superset of GBK and GB2312.
import { errorAt, RatecardError, type TableSource } from '../../engine/index.js';
import { UsageError } from '../args.js';
import { readBytes } from '../files.js';
import { readSpreadsheetTable } from './spreadsheet-table.js';

export type Encoding = 'auto' | 'utf8' | 'gb18030';

const NAMES: Record<string, Encoding> = { auto: 'auto', utf8: 'utf8', 'utf-8': 'utf8', gb18030: 'gb18030', gbk: 'gb18030', gb2312: 'gb18030' };

/** The --encoding option: `auto` (default), `utf8`, `gb18030` or `gbk`. */
export function encodingOption(value: string | undefined): Encoding {
  const encoding = NAMES[(value ?? 'auto').toLowerCase()];
  if (!encoding) throw new UsageError(`--encoding must be auto, utf8, gb18030 or gbk, got \`${value}\``);
  return encoding;
}

/** CSV bytes as text; a byte order mark is dropped. */
export function decodeCsv(file: string, bytes: Uint8Array, encoding: Encoding): string {
  if (encoding === 'gb18030') return new TextDecoder('gb18030').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    if (encoding === 'auto') return new TextDecoder('gb18030').decode(bytes);
    const text = new TextDecoder('utf-8').decode(bytes);
    const at = text.indexOf('\uFFFD');
    const before = text.slice(0, at).split('\n');
    throw new RatecardError([errorAt({ file, line: before.length, column: before[before.length - 1].length + 1 }, '',
      'the file is not valid UTF-8 here; for GB18030 or GBK give `--encoding gb18030`', 'csv-encoding')]);
  }
}

export async function readTableFile(path: string, what: string, encoding: Encoding = 'auto'): Promise<TableSource> {
  const bytes = readBytes(path, what);
  if (/\.xlsx$/i.test(path)) return readSpreadsheetTable(path, bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  if (/\.xls$/i.test(path)) throw new RatecardError([errorAt({ file: path, line: 1, column: 1 }, what, 'the old Excel format (.xls) is not read: save the sheet as .xlsx or CSV', 'xlsx-unreadable')]);
  return { file: path, text: decodeCsv(path, bytes, encoding) };
}

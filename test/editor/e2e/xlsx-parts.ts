// Reads one part (e.g. `xl/styles.xml`) of an .xlsx file: a zip's central directory, then the
// entry, stored or deflated. Enough to check the number formats a workbook declares.
import { inflateRawSync } from 'node:zlib';

export function xlsxPart(file: Buffer, name: string): string | undefined {
  const end = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = file.readUInt32LE(end + 16);
  const count = file.readUInt16LE(end + 10);
  for (let i = 0; i < count; i++) {
    const method = file.readUInt16LE(at + 10), size = file.readUInt32LE(at + 20);
    const nameLength = file.readUInt16LE(at + 28), extra = file.readUInt16LE(at + 30), comment = file.readUInt16LE(at + 32);
    const local = file.readUInt32LE(at + 42);
    if (file.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
      const data = file.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLength + extra + comment;
  }
  return undefined;
}

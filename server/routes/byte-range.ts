// One byte range of a response (`Range: bytes=a-b`, RFC 9110 §14): the editor's workers read a
// payee's rows of a large table without fetching the whole table again. Parsed by range-parser
// (the one express and send use); several ranges, or none that is valid, get the whole body.
import parseRange from 'range-parser';

/** The range `header` asks of a body of `size` bytes: `{ start, end }` (end inclusive), 'unsatisfiable', or undefined for the whole body. */
export function byteRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const ranges = parseRange(size, header, { combine: true });
  if (ranges === -1) return 'unsatisfiable';
  if (ranges === -2 || ranges.type !== 'bytes' || ranges.length !== 1) return undefined;
  return { start: ranges[0].start, end: ranges[0].end };
}

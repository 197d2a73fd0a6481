// Gives typed arrays' memory back at once, when nothing reads them any more. An array's values
// lie outside the JS heap and go back only when V8 collects the small object holding them;
// arrays that lived through a long read reached the old generation, which V8 collects in full
// only at rest: at 100,000 payees the line offsets and sort orders of a read (about 50 MB) stood
// as garbage while the user edited. `ArrayBuffer.prototype.transfer(0)` detaches the buffer and
// frees its values now (where the runtime has it: Chromium does; Node 20 does not, and the
// arrays wait for the collector as before). Only for arrays the worker made: a buffer a browser
// API made (a fetch's or a Blob's, measured) is also held by Blink and waits for a collection.

type Transferable = ArrayBufferLike & { transfer?: (length: number) => ArrayBuffer };

/** Frees the buffers of `arrays` (whole buffers: views of one are freed with it; never read them again). */
export function freeBuffers(...arrays: (ArrayBufferView | undefined)[]): void {
  for (const a of arrays) {
    const buffer = a?.buffer as Transferable | undefined;
    if (buffer && buffer.byteLength > 0 && typeof buffer.transfer === 'function') buffer.transfer(0);
  }
}

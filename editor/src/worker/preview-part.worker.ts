// The preview's helper Web Worker: settles the second half of the payees on the other core while
// the preview worker settles the first (see part-engine.ts). Its columns are transferred back;
// a settle a newer one replaced while it ran is given up (the preview worker no longer waits for it).
// It also gives its payees' population keys, round by round, for population values over all payees.
import { PartEngine } from './part-engine.js';
import { buffersOf, type PartRequest, type PartResponse } from './part-protocol.js';

const engine = new PartEngine();
const post = (m: PartResponse, transfer: ArrayBuffer[] = []) => (self as unknown as Worker).postMessage(m, transfer);

/** The newest settle asked for: an older one still running gives up between two slices. */
let newest = 0;
/** Requests are handled one after the other (a settle pauses between slices to let messages in). */
let queue = Promise.resolve();

self.onmessage = (event: MessageEvent<PartRequest>) => {
  const req = event.data;
  if (req.type === 'tables') {
    queue = queue.then(() => engine.setTables(req.tables, req.from));
    return;
  }
  if (req.type === 'rest') {
    queue = queue.then(() => engine.rest());
    return;
  }
  if (req.type === 'keys') {
    queue = queue.then(async () => post({ type: 'keys', id: req.id, ...(await engine.keys(req)) }));
    return;
  }
  newest = req.id;
  queue = queue.then(async () => {
    const settled = await engine.settle(req, () => req.id !== newest);
    post({ type: 'lines', id: req.id, ...settled }, settled.ok ? buffersOf(settled.lines) : []);
  });
};

// The preview's helper Web Worker: settles the second half of the payees on the other core while
// the preview worker settles the first (see part-engine.ts). Its columns are transferred back.
import { PartEngine } from './part-engine.js';
import { buffersOf, type PartRequest, type PartResponse } from './part-protocol.js';

const engine = new PartEngine();
const post = (m: PartResponse, transfer: ArrayBuffer[] = []) => (self as unknown as Worker).postMessage(m, transfer);

self.onmessage = (event: MessageEvent<PartRequest>) => {
  const req = event.data;
  if (req.type === 'tables') return engine.setTables(req.tables, req.from);
  const settled = engine.settle(req);
  post({ type: 'lines', id: req.id, ...settled }, settled.ok ? buffersOf(settled.lines) : []);
};

// The preview Web Worker: runs the engine off the main thread so typing never waits for it.
// Runs that arrive while one is computing replace each other: only the newest is computed.
import { PreviewEngine } from './preview-engine.js';
import type { WorkerRequest, WorkerResponse } from './protocol.js';

const engine = new PreviewEngine();
const post = (m: WorkerResponse) => (self as unknown as Worker).postMessage(m);
let pending: Extract<WorkerRequest, { type: 'run' }> | undefined;

function drain() {
  const req = pending;
  pending = undefined;
  if (!req) return;
  const { checked, policy } = engine.check(req.seq, req.file, req.text);
  post(checked);
  if (!policy) return;
  const result = engine.run(req.seq, policy, req.range);
  post(result);
  // The impact needs the saved version settled too: sent after the result, skipped when a newer edit waits.
  if (result.ok) setTimeout(() => { if (!pending) post(engine.impact(req.seq, req.file, req.baseText)); }, 0);
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const req = event.data;
  if (req.type === 'dataset') engine.setDataset(req.tables);
  else if (req.type === 'statement') post({ type: 'statement', seq: req.seq, rows: engine.statementRows() });
  else if (req.type === 'trace') {
    try {
      post(engine.trace(req.seq, req.payeeId, req.overrides));
    } catch {
      post({ type: 'trace', seq: req.seq, payeeId: req.payeeId, lines: [], withheld: [] });
    }
  }
  else {
    pending = req;
    setTimeout(drain, 0);
  }
};

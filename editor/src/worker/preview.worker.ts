// The preview Web Worker: runs the engine off the main thread so typing never waits for it.
// Runs that arrive while one is computing replace each other: only the newest is computed.
// Over a large dataset, a helper worker settles the second half of the payees on the other core.
import { PreviewEngine } from './preview-engine.js';
import { helperPart } from './helper-part.js';
import { PartColumns } from './part-columns.js';
import type { PartRequest, PartResponse, PartResult, PartSettle } from './part-protocol.js';
import type { DatasetTables, WorkerRequest, WorkerResponse } from './protocol.js';
import { impactBuffers, summaryBuffers } from './payee-columns.js';
import { HALVES_FROM } from './settle-lines.js';

const engine = new PreviewEngine();
const post = (m: WorkerResponse, transfer: ArrayBuffer[] = []) => (self as unknown as Worker).postMessage(m, transfer);
let pending: Extract<WorkerRequest, { type: 'run' }> | undefined;
let running = false;
let tables: DatasetTables | undefined;

/** The helper, started at the first large run; it is sent the tables again when they or the fact layout change (it drops them once read). */
let helper: { worker: Worker; sent?: string; next: number; waiting: Map<number, (r: PartResult) => void>; columns: PartColumns } | undefined;

function settleInHelper(req: PartSettle): Promise<PartResult> {
  if (!helper) {
    const worker = new Worker(new URL('./preview-part.worker.ts', import.meta.url), { type: 'module' });
    const h = (helper = { worker, next: 0, waiting: new Map<number, (r: PartResult) => void>(), columns: new PartColumns() });
    worker.onmessage = (e: MessageEvent<PartResponse>) => {
      // read even when nobody waits any more: the helper counts on the columns it sent being held
      const result = h.columns.receive(e.data, e.data.id === h.next);
      h.waiting.get(e.data.id)?.(result);
      h.waiting.delete(e.data.id);
    };
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      for (const resolve of h.waiting.values()) resolve({ ok: false, diagnostics: [{ file: '(preview)', line: 1, column: 1, severity: 'error', field: '', code: 'internal', message: `the preview's helper failed: ${e.message || 'it stopped'}` }] });
      h.waiting.clear();
    };
  }
  const h = helper;
  const send = (m: PartRequest, transfer: ArrayBuffer[] = []) => h.worker.postMessage(m, transfer);
  if (tables && h.sent !== `${tables.id}\u0000${req.layout}`) {
    const from = Math.floor(engine.payeeCount / 2);
    // its part only, as transferred bytes, where it can be cut so (helper-part.ts)
    const part = helperPart(tables, from);
    if (part) send({ type: 'part', part, from }, [part.payees.bytes.buffer, part.facts.bytes.buffer] as ArrayBuffer[]);
    else send({ type: 'tables', tables, from });
    h.sent = `${tables.id}\u0000${req.layout}`;
  }
  const id = ++h.next;
  return new Promise((resolve) => {
    h.waiting.set(id, resolve);
    send({ type: 'settle', id, ...req, has: h.columns.ids() }, (req.spare ?? []).map((a) => a.buffer as ArrayBuffer));
  });
}

/**
 * After this long without an edit, both workers let go of the arrays they keep for the next
 * settle (column-pool.ts): while edits follow each other, even seconds apart, they save making
 * new ones (let go after 2 s, each edit of the memory bench, 3 s apart, made its columns anew
 * and the renderer grew as before); at rest V8 collects them.
 */
const REST_MS = 15_000;
let resting: ReturnType<typeof setTimeout> | undefined;
function restSoon() {
  clearTimeout(resting);
  resting = setTimeout(() => {
    engine.rest();
    helper?.worker.postMessage({ type: 'rest' } satisfies PartRequest);
  }, REST_MS);
}

async function drain() {
  if (running) return;
  const req = pending;
  pending = undefined;
  if (!req) return;
  running = true;
  try {
    const { checked, policy } = engine.check(req.seq, req.file, req.text);
    post(checked);
    if (!policy) return;
    const result = engine.payeeCountOf(policy) >= HALVES_FROM ? await engine.runInHalves(req.seq, policy, req.range, settleInHelper, () => pending !== undefined) : engine.run(req.seq, policy, req.range);
    post(result, result.ok ? summaryBuffers(result.summary.columns) : []);
    // The impact needs the saved version settled too: sent after the result, skipped when a newer edit waits.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (result.ok && !pending) {
      const impact = engine.impact(req.seq, req.file, req.baseText);
      post(impact, impact.impact ? impactBuffers(impact.impact.columns) : []);
    }
  } finally {
    running = false;
    if (pending) setTimeout(() => void drain(), 0);
    else restSoon();
  }
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const req = event.data;
  if (req.type === 'dataset') {
    tables = req.tables;
    engine.setDataset(req.tables);
  }
  else if (req.type === 'statement') post({ type: 'statement', seq: req.seq, rows: engine.statementRows() });
  else if (req.type === 'trace') {
    try {
      post(engine.trace(req.seq, req.payeeId, req.overrides));
    } catch {
      post({ type: 'trace', seq: req.seq, payeeId: req.payeeId, lines: [], withheld: [] });
    }
  }
  else {
    clearTimeout(resting);
    pending = req;
    setTimeout(() => void drain(), 0);
  }
};

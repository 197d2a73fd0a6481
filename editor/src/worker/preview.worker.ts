// The preview Web Worker: runs the engine off the main thread so typing never waits for it.
// Runs that arrive while one is computing replace each other: only the newest is computed.
// Over a large dataset, a helper worker settles the second half of the payees on the other core.
import type { PartHelper } from './population-in-halves.js';
import { PreviewEngine } from './preview-engine.js';
import { PartColumns } from './part-columns.js';
import type { PartKeys, PartKeysResult, PartRequest, PartResponse, PartResult, PartSettle } from './part-protocol.js';
import type { DatasetTables, WorkerRequest, WorkerResponse } from './protocol.js';
import { impactBuffers, summaryBuffers } from './payee-columns.js';
import { HALVES_FROM } from './settle-lines.js';

const engine = new PreviewEngine();
const post = (m: WorkerResponse, transfer: ArrayBuffer[] = []) => (self as unknown as Worker).postMessage(m, transfer);
let pending: Extract<WorkerRequest, { type: 'run' }> | undefined;
let running = false;
let tables: DatasetTables | undefined;

/**
 * The helper, started at the first large run; it is sent the tables again when they or the fact
 * layout change (it drops them once read). Settles and population keys are numbered apart: a
 * settle's answer tells whether it is the newest (part-columns.ts).
 */
interface Helper {
  worker: Worker; sent?: string; next: number; nextKeys: number;
  waiting: Map<number, (r: PartResult) => void>; keys: Map<number, (r: PartKeysResult) => void>; columns: PartColumns;
}
let helper: Helper | undefined;

function started(): Helper {
  if (helper) return helper;
  const worker = new Worker(new URL('./preview-part.worker.ts', import.meta.url), { type: 'module' });
  const h: Helper = (helper = { worker, next: 0, nextKeys: 0, waiting: new Map<number, (r: PartResult) => void>(), keys: new Map<number, (r: PartKeysResult) => void>(), columns: new PartColumns() });
  worker.onmessage = (e: MessageEvent<PartResponse>) => {
    const m = e.data;
    if (m.type === 'keys') {
      h.keys.get(m.id)?.(m);
      h.keys.delete(m.id);
      return;
    }
    // read even when nobody waits any more: the helper counts on the columns it sent being held
    const result = h.columns.receive(m, m.id === h.next);
    h.waiting.get(m.id)?.(result);
    h.waiting.delete(m.id);
  };
  worker.onerror = (e: ErrorEvent) => {
    e.preventDefault();
    const failed = { ok: false as const, diagnostics: [{ file: '(preview)', line: 1, column: 1, severity: 'error' as const, field: '', code: 'internal', message: `the preview's helper failed: ${e.message || 'it stopped'}` }] };
    for (const resolve of h.waiting.values()) resolve(failed);
    for (const resolve of h.keys.values()) resolve(failed);
    h.waiting.clear();
    h.keys.clear();
  };
  return h;
}

/** Sends the helper the tables (Blobs cross as handles: it reads its part's bytes itself) for `layout` when it does not hold their dataset. */
function sendTables(layout: string) {
  const h = started();
  if (tables && h.sent !== `${tables.id}\u0000${layout}`) {
    h.worker.postMessage({ type: 'tables', tables, from: Math.floor(engine.payeeCount / 2) } satisfies PartRequest);
    h.sent = `${tables.id}\u0000${layout}`;
  }
  return h;
}

const inHelper: PartHelper = {
  settle(req: PartSettle): Promise<PartResult> {
    const h = sendTables(req.layout);
    const id = ++h.next;
    return new Promise((resolve) => {
      h.waiting.set(id, resolve);
      h.worker.postMessage({ type: 'settle', id, ...req, has: h.columns.ids() } satisfies PartRequest, (req.spare ?? []).map((a) => a.buffer as ArrayBuffer));
    });
  },
  keys(req: PartKeys): Promise<PartKeysResult> {
    const h = sendTables(req.layout);
    const id = ++h.nextKeys;
    return new Promise((resolve) => {
      h.keys.set(id, resolve);
      h.worker.postMessage({ type: 'keys', id, ...req } satisfies PartRequest);
    });
  },
};

/** True when runs settle in halves (the helper holds the second half's facts). */
const inHalves = () => engine.payeeCount >= HALVES_FROM;

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
    await engine.ready(policy);
    const result = engine.payeeCountOf(policy) >= HALVES_FROM ? await engine.runInHalves(req.seq, policy, req.range, inHelper, () => pending !== undefined) : engine.run(req.seq, policy, req.range);
    post(result, result.ok ? summaryBuffers(result.summary.columns) : []);
    // The impact needs the saved version settled too: sent after the result, skipped when a newer edit waits.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (result.ok && !pending) {
      const impact = inHalves() ? await engine.impactInHalves(req.seq, req.file, req.baseText, inHelper) : engine.impact(req.seq, req.file, req.baseText);
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
  else if (req.type === 'statement') {
    // a failure raised outside the promise: the page shows the worker's error, as before
    engine.withTables(() => engine.statementRows(req.lang)).then((rows) => post({ type: 'statement', seq: req.seq, rows }), (e: unknown) => setTimeout(() => { throw e; }));
  }
  else if (req.type === 'trace') {
    const empty = { type: 'trace' as const, seq: req.seq, payeeId: req.payeeId, lines: [], withheld: [] };
    const traced = inHalves() ? engine.traceInHalves(req.seq, req.payeeId, req.overrides ?? [], inHelper) : engine.withTables(() => engine.trace(req.seq, req.payeeId, req.overrides));
    traced.then(post, () => post(empty));
  }
  else {
    clearTimeout(resting);
    pending = req;
    setTimeout(() => void drain(), 0);
  }
};

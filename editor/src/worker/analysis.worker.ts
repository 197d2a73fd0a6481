// The analysis Web Worker: comparisons between any two versions, parameter sweeps and the
// policy's tests, next to the preview worker so they never hold up the live preview. A dataset
// given as Blobs is read here once (the worker runs only while the analysis section is open);
// requests are answered in order, after it.
import type { AnalysisRequest, AnalysisResponse } from './analysis-protocol.js';
import { handleAnalysis } from './analysis.js';
import { Settler } from './settler.js';
import { readTables } from './table-bytes.js';

const settler = new Settler();
const post = (m: AnalysisResponse) => (self as unknown as Worker).postMessage(m);
let queue = Promise.resolve();

self.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const req = event.data;
  queue = queue.then(async () => {
    const answer = handleAnalysis(settler, req.type === 'dataset' ? { type: 'dataset', tables: await readTables(req.tables) } : req);
    if (answer) post(answer);
  }).catch((e: unknown) => {
    // raised outside the queue: the page sees the worker's error as before, later requests still run
    setTimeout(() => { throw e; });
  });
};

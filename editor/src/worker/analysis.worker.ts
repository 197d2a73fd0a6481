// The analysis Web Worker: comparisons between any two versions, parameter sweeps and the
// policy's tests, next to the preview worker so they never hold up the live preview.
import type { AnalysisRequest, AnalysisResponse } from './analysis-protocol.js';
import { handleAnalysis } from './analysis.js';
import { Settler } from './settler.js';

const settler = new Settler();
const post = (m: AnalysisResponse) => (self as unknown as Worker).postMessage(m);

self.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const answer = handleAnalysis(settler, event.data);
  if (answer) post(answer);
};

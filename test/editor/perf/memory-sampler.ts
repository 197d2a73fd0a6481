// The page's memory sampled while something runs (an edit being settled): the renderer's RSS
// from /proc and each worker's JS heap, used and held by V8 (`totalSize`), every few hundred
// milliseconds, keeping the peaks. The renderer's RSS between two edits is the figure at rest;
// its peak during one is what the machine must have (issue 13: under 1 GB at 100,000 payees).
import type { Browser } from 'playwright-core';
import { rendererPids, rssMb } from './browser-memory.js';
import type { WorkerHeapProbe } from './worker-heaps.js';

export interface MemoryPeaks {
  /** The highest renderer RSS seen while sampling, and when it was seen (ms from the start). */
  rssPeakMb: number;
  atMs: number;
  /** Per worker: the highest used and held heap seen. */
  heaps: Map<string, { usedMb: number; totalMb: number }>;
  samples: number;
}

const EVERY_MS = 200;

/** Samples until `work` settles; returns its value and the peaks. */
export async function sampleWhile<T>(browser: Browser, probe: WorkerHeapProbe, work: Promise<T>): Promise<{ value: T; peaks: MemoryPeaks }> {
  const pids = await rendererPids(browser);
  const peaks: MemoryPeaks = { rssPeakMb: 0, atMs: 0, heaps: new Map(), samples: 0 };
  const started = Date.now();
  let done = false;
  const finished = work.finally(() => { done = true; });
  const sampling = (async () => {
    while (!done) {
      const rss = rssMb(pids);
      if (rss > peaks.rssPeakMb) { peaks.rssPeakMb = rss; peaks.atMs = Date.now() - started; }
      for (const h of await probe.heaps()) {
        const p = peaks.heaps.get(h.url) ?? { usedMb: 0, totalMb: 0 };
        peaks.heaps.set(h.url, { usedMb: Math.max(p.usedMb, h.usedMb), totalMb: Math.max(p.totalMb, h.totalMb) });
      }
      peaks.samples++;
      await new Promise((resolve) => setTimeout(resolve, EVERY_MS));
    }
  })();
  const value = await finished;
  await sampling;
  return { value, peaks };
}

/** The peaks as one line: RSS, then each worker's used / held heap. */
export const peaksText = (p: MemoryPeaks) =>
  `renderer RSS peak ${p.rssPeakMb} MB (at ${p.atMs} ms, ${p.samples} samples); heap peaks used/held: ${[...p.heaps].filter(([, h]) => h.totalMb > 8).map(([url, h]) => `${url} ${h.usedMb}/${h.totalMb} MB`).join(', ')}`;

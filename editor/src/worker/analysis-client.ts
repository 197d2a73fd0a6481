// The editor's side of the analysis worker, created on first use: each kind of request keeps
// only the answer to its newest request.
import type { AnalysisRequest, AnalysisResponse } from './analysis-protocol.js';
import type { DatasetTables } from './protocol.js';

type Kind = AnalysisResponse['type'];
type Answer<K extends Kind> = Extract<AnalysisResponse, { type: K }>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export class AnalysisClient {
  private worker?: Worker;
  private tables?: DatasetTables;
  private seq = 0;
  private readonly newest = new Map<Kind, { seq: number; resolve: (m: AnalysisResponse | undefined) => void }>();

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<AnalysisResponse>) => {
      const waiting = this.newest.get(e.data.type);
      if (waiting?.seq === e.data.seq) { this.newest.delete(e.data.type); waiting.resolve(e.data); }
    };
    if (this.tables) worker.postMessage({ type: 'dataset', tables: this.tables } satisfies AnalysisRequest);
    return (this.worker = worker);
  }

  setDataset(tables: DatasetTables | undefined) {
    if (!tables || tables === this.tables) return;
    this.tables = tables;
    this.worker?.postMessage({ type: 'dataset', tables } satisfies AnalysisRequest);
  }

  /** The answer, or undefined when a newer request of the same kind replaced this one. */
  ask<K extends Kind>(request: DistributiveOmit<Extract<AnalysisRequest, { type: K }>, 'seq'> & { type: K }): Promise<Answer<K> | undefined> {
    const worker = this.start();
    const seq = ++this.seq;
    const type = request.type as K;
    this.newest.get(type)?.resolve(undefined);
    return new Promise((resolve) => {
      this.newest.set(type, { seq, resolve: resolve as (m: AnalysisResponse | undefined) => void });
      worker.postMessage({ ...request, seq });
    });
  }

  /** Stops the worker; a later request starts a new one (with the dataset). */
  dispose() {
    this.worker?.terminate();
    this.worker = undefined;
    for (const waiting of this.newest.values()) waiting.resolve(undefined);
    this.newest.clear();
  }
}

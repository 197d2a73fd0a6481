// The editor's side of the preview worker: numbers each request and passes on only the answers
// to the newest one, so a slow, stale result never overwrites a fresh one.
import { impactOf, readList, summaryOf } from './payee-columns.js';
import type { Lang } from '../../../engine/index.js';
import type { DatasetTables, ExportRow, FactOverride, PeriodRange, PreviewImpact, PreviewSummary, WorkerRequest, WorkerResponse } from './protocol.js';

/** What a preview is about: the text and the saved text it is compared with. */
export interface PreviewSubject { text: string; baseText?: string; context: string }

/** A result and an impact as the page holds them: payee columns with the payee list read (payee-columns.ts). */
export type PageResult = { type: 'result'; seq: number; ok: true; summary: PreviewSummary; computeMs: number } | Extract<WorkerResponse, { type: 'result'; ok: false }>;
export type PageImpact = { type: 'impact'; seq: number; impact?: PreviewImpact; computeMs: number };

export interface PreviewListener {
  onChecked(m: Extract<WorkerResponse, { type: 'checked' }>): void;
  onResult(m: PageResult): void;
  onImpact(m: PageImpact): void;
  onTrace(m: Extract<WorkerResponse, { type: 'trace' }>): void;
}

export class PreviewClient {
  private seq = 0;
  /** The text and saved text of the newest run. */
  last?: PreviewSubject;
  private traceSeq = 0;
  private statementSeq = 0;
  private readonly statements = new Map<number, (rows: ExportRow[]) => void>();
  private readonly worker: Worker;

  constructor(private readonly listener: PreviewListener) {
    this.worker = new Worker(new URL('./preview.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<WorkerResponse>) => this.receive(e.data);
    // A crash of the worker is shown like any other problem, at the newest request.
    this.worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      const message = `the preview failed: ${e.message || 'the worker stopped'}`;
      this.listener.onResult({ type: 'result', seq: this.seq, ok: false, computeMs: 0, diagnostics: [{ file: '(preview)', line: 1, column: 1, severity: 'error', field: '', code: 'internal', message }] });
    };
  }

  private send(m: WorkerRequest) { this.worker.postMessage(m); }

  private receive(m: WorkerResponse) {
    // a payee list comes once per dataset, perhaps with an answer dropped as stale: read it anyway
    if (m.type === 'result' && m.ok && m.summary.list) readList(m.summary.list);
    if (m.type === 'impact' && m.impact?.list) readList(m.impact.list);
    if (m.type === 'trace') { if (m.seq === this.traceSeq) this.listener.onTrace(m); return; }
    if (m.type === 'statement') { this.statements.get(m.seq)?.(m.rows); this.statements.delete(m.seq); return; }
    if (m.seq !== this.seq) return; // stale
    if (m.type === 'checked') this.listener.onChecked(m);
    else if (m.type === 'impact') this.listener.onImpact({ type: 'impact', seq: m.seq, computeMs: m.computeMs, ...(m.impact ? { impact: impactOf(m.impact) } : {}) });
    else this.listener.onResult(m.ok ? { ...m, summary: summaryOf(m.summary) } : m);
  }

  setDataset(tables: DatasetTables) { this.send({ type: 'dataset', tables }); }

  /** Returns the request's sequence number. */
  run(file: string, text: string, baseText: string | undefined, range: PeriodRange, context = ''): number {
    this.last = { text, baseText, context };
    this.send({ type: 'run', seq: ++this.seq, file, text, baseText, range });
    return this.seq;
  }

  trace(payeeId: string, overrides?: FactOverride[]) { this.send({ type: 'trace', seq: ++this.traceSeq, payeeId, ...(overrides?.length ? { overrides } : {}) }); }

  /** The statement of the last preview, with explanations and withheld reasons in `lang`. */
  statement(lang?: Lang): Promise<ExportRow[]> {
    const seq = ++this.statementSeq;
    return new Promise((resolve) => {
      this.statements.set(seq, resolve);
      this.send({ type: 'statement', seq, ...(lang ? { lang } : {}) });
    });
  }

  dispose() { this.worker.terminate(); }
}

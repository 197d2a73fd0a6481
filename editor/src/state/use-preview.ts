// Runs the preview worker on every edit (debounced), keeps the last good result while the policy
// is invalid, and fetches a payee's trace on demand.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Diagnostic, Lang } from '../../../engine/index.js';
import { PreviewClient, type PreviewSubject } from '../worker/preview-client.js';
import type { DatasetTables, FactOverride, PeriodRange, PolicyOutline, PreviewImpact, PreviewSummary, WorkerResponse } from '../worker/protocol.js';

/**
 * The pause after the last keystroke before the worker runs. Short: over many payees a run is given
 * up between two slices as soon as a newer edit arrives (settle-lines.ts), so typing on does not
 * queue stale settles behind each other.
 */
export const DEBOUNCE_MS = 150;

/** True when `subject` is exactly this text compared with this saved text over this dataset and range. */
const isAbout = (subject: PreviewSubject | undefined, now: PreviewSubject) =>
  subject !== undefined && subject.text === now.text && subject.baseText === now.baseText && subject.context === now.context;

export interface PreviewState {
  busy: boolean;
  /** Diagnostics of the current text (empty when it loads). */
  diagnostics: Diagnostic[];
  /** The last outline of a valid text. */
  outline?: PolicyOutline;
  /** The last good result and its compute time. */
  summary?: PreviewSummary;
  computeMs?: number;
  /** The impact of the last good result against the saved version, and whether a newer one is coming. */
  impact?: PreviewImpact;
  impactPending: boolean;
  impactMs?: number;
  /** Problems settling the current text over the dataset (data errors). */
  dataErrors: Diagnostic[];
  /** True when the current text is invalid and the summary is from an earlier one. */
  stale: boolean;
  traced?: Extract<WorkerResponse, { type: 'trace' }>;
  /** The text (and saved text) whose preview is complete: checked, settled and compared, or refused. */
  done?: PreviewSubject;
  /** The what-if of the traced payee as last asked (the answer may come later). */
  whatIf?: FactOverride[];
  /** The text (and saved text) the impact was computed for. */
  impactOf?: PreviewSubject;
}

const initial: PreviewState = { busy: false, diagnostics: [], dataErrors: [], stale: false, impactPending: false };

export function usePreview(file: string | undefined, text: string, baseText: string | undefined, tables: DatasetTables | undefined, range: PeriodRange) {
  const [state, setState] = useState<PreviewState>(initial);
  const clientRef = useRef<PreviewClient | undefined>(undefined);

  useEffect(() => {
    // Only answers to the newest request pass the client, so they are about its text.
    const text = () => client.last;
    const client = new PreviewClient({
      onChecked: (m) => setState((s) => ({ ...s, diagnostics: m.diagnostics, outline: m.outline ?? s.outline, busy: m.ok, stale: !m.ok && Boolean(s.summary), ...(m.ok ? {} : { done: text() }) })),
      onResult: (m) => setState((s) => (m.ok
        ? { ...s, busy: false, summary: m.summary, computeMs: m.computeMs, dataErrors: [], stale: false, impactPending: true }
        : { ...s, busy: false, dataErrors: m.diagnostics, computeMs: m.computeMs, stale: Boolean(s.summary), done: text() })),
      onImpact: (m) => setState((s) => ({ ...s, impact: m.impact, impactMs: m.computeMs, impactPending: false, impactOf: text(), done: text() })),
      onTrace: (m) => setState((s) => ({ ...s, traced: m })),
    });
    clientRef.current = client;
    return () => client.dispose();
  }, []);

  useEffect(() => {
    if (tables) clientRef.current?.setDataset(tables);
  }, [tables]);

  const rangeKey = `${range.from ?? ''}..${range.to ?? ''}`;
  const context = `${tables?.id ?? ''}|${rangeKey}`;
  const now: PreviewSubject = { text, baseText, context };
  useEffect(() => {
    if (!file) return;
    setState((s) => ({ ...s, busy: true }));
    const timer = setTimeout(() => clientRef.current?.run(file, text, baseText, range, context), DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file, text, baseText, tables, rangeKey]);

  const actions = useMemo(() => ({
    /** Traces a payee; with `overrides`, of its facts changed in place (kept here at once, for the inputs). */
    trace: (payeeId: string, overrides: FactOverride[] = []) => {
      setState((s) => ({ ...s, whatIf: overrides }));
      clientRef.current?.trace(payeeId, overrides);
    },
    statement: (lang?: Lang) => clientRef.current?.statement(lang) ?? Promise.resolve([]),
    clearTrace: () => setState((s) => ({ ...s, traced: undefined })),
    reset: () => setState(initial),
  }), []);

  return {
    ...state,
    ...actions,
    /** The preview (result and impact, or the reason there is none) is about the text as it is now. */
    settled: isAbout(state.done, now),
    /** The impact shown is the impact of the text as it is now. */
    impactCurrent: Boolean(state.impact) && !state.impactPending && isAbout(state.impactOf, now),
  };
}

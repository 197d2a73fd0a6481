// The live simulation preview: totals by kind, the impact against the saved version, the payout
// distribution, totals by payee and a payee's trace. Shows "recomputing…" while the worker works
// and keeps the last good result visible while the policy is invalid.
import { useMemo } from 'react';
import type { Diagnostic, Lang } from '../../../engine/index.js';
import { Problems } from '../components/problems.js';
import { ExportButton } from '../export/export-button.js';
import { useI18n } from '../i18n/i18n.js';
import type { PreviewState } from '../state/use-preview.js';
import type { ExportRow, FactOverride } from '../worker/protocol.js';
import { DistributionChart } from './distribution-chart.js';
import { ImpactView } from './impact-view.js';
import { KindTotals } from './kind-totals.js';
import { PayeeTable } from './payee-table.js';
import { deltasOf, payeeTotalOf } from './payee-figures.js';
import { TraceView } from './trace-view.js';

interface Props {
  preview: PreviewState & { statement: (lang?: Lang) => Promise<ExportRow[]> };
  policyInvalid: boolean;
  onPick: (payeeId: string) => void;
  onCloseTrace: () => void;
  onWhatIf: (payeeId: string, overrides: FactOverride[]) => void;
  /** A rule's title in the reader's language, when the policy has one. */
  ruleTitle: (id: string) => string | undefined;
  /** The history version the impact is against, when not the saved one. */
  baseline?: string;
  onSavedBaseline: () => void;
  dataErrors: Diagnostic[];
  /** The preview is complete for the text as it is now (for tests and assistive technology). */
  settled: boolean;
  /** The start of the exported file's name (the policy's id). */
  exportName: string;
}

export function PreviewPanel({ preview, policyInvalid, onPick, onCloseTrace, onWhatIf, ruleTitle, baseline, onSavedBaseline, dataErrors, settled, exportName }: Props) {
  const { t } = useI18n();
  const { summary } = preview;
  const deltaOf = useMemo(() => (preview.impact && !preview.impactPending && summary ? deltasOf(preview.impact, summary.list.ids) : undefined), [preview.impact, preview.impactPending, summary]);
  const tracedTotal = useMemo(() => (summary && preview.traced ? payeeTotalOf(summary, preview.traced.payeeId) : undefined), [summary, preview.traced]);
  return (
    <section className="preview" aria-label={t('preview.title')} aria-busy={preview.busy} data-settled={settled}>
      <header className="preview-head">
        <h2>{t('preview.title')}</h2>
        <ExportButton name={exportName} summary={summary} impact={preview.impactPending ? undefined : preview.impact} statement={preview.statement} />
        <span className="status" role="status" data-testid="preview-status">
          {preview.busy ? <span className="busy">{t('preview.recomputing')}</span> : null}
          {preview.computeMs !== undefined ? <span className="compute-time" data-testid="compute-time" data-ms={preview.computeMs}>{t('preview.computeTime', { ms: preview.computeMs })}</span> : null}
          {preview.impactMs !== undefined && !preview.impactPending ? <span className="compute-time" data-testid="impact-time"> · {t('impact.computeTime', { ms: preview.impactMs })}</span> : null}
        </span>
      </header>
      {policyInvalid && summary ? <p className="note warn">{t('preview.stale')}</p> : null}
      {dataErrors.length ? <Problems diagnostics={dataErrors} title={t('preview.dataErrors')} /> : null}
      {!summary ? <p className="muted">{t('preview.noResult')}</p> : (
        <div className={preview.stale ? 'stale' : undefined}>
          <p className="muted">{summary.from} – {summary.to} · {t('preview.payees', { n: summary.columns.covered.length })} · {t('preview.lines', { n: summary.lineCount, w: summary.withheldCount })}</p>
          <KindTotals totals={summary.totals} delta={preview.impactPending ? undefined : preview.impact?.delta} />
          {preview.impact ? <ImpactView impact={preview.impact} pending={preview.impactPending} onPick={onPick} baseline={baseline} onSavedBaseline={onSavedBaseline} /> : null}
          <DistributionChart columns={summary.columns} />
          {preview.traced ? (
            <TraceView traced={preview.traced} ruleTitle={ruleTitle} whatIf={preview.whatIf ?? []} factTypes={preview.outline?.facts ?? []} onClose={onCloseTrace}
              payeeTotal={tracedTotal}
              onWhatIf={(overrides) => onWhatIf(preview.traced!.payeeId, overrides)} />
          ) : <p className="muted">{t('trace.pick')}</p>}
          <h3>{t('preview.byPayee')}</h3>
          <PayeeTable summary={summary} deltaOf={deltaOf} onPick={onPick} picked={preview.traced?.payeeId} />
        </div>
      )}
    </section>
  );
}

// One payee's statement lines and withheld items; a click on a line shows its trace.
import { Fragment, useState } from 'react';
import { Exact, type StatementLine, type WithheldItem } from '../../../engine/index.js';
import { formatMoney } from '../format/money.js';
import { engineText } from '../i18n/engine-text.js';
import { useI18n } from '../i18n/i18n.js';
import type { FactOverride, PolicyOutline, WorkerResponse } from '../worker/protocol.js';
import { LineDetail } from './line-detail.js';
import { WhatIf } from './what-if.js';

interface Props {
  traced: Extract<WorkerResponse, { type: 'trace' }>;
  /** The what-if as last asked (the trace shown may still be of the one before). */
  whatIf: FactOverride[];
  factTypes: PolicyOutline['facts'];
  /** The payee's total in the preview (over the same months). */
  payeeTotal?: string;
  onWhatIf: (overrides: FactOverride[]) => void;
  ruleTitle: (id: string) => string | undefined;
  onClose: () => void;
}

export function TraceView({ traced, whatIf, factTypes, payeeTotal, onWhatIf, onClose, ruleTitle }: Props) {
  const { t, language } = useI18n();
  const { payeeId, lines, withheld, overrides = [] } = traced;
  const [open, setOpen] = useState<string | undefined>();
  const total = lines.reduce((s, l) => s.add(Exact.parse(l.amount)), Exact.ZERO).toFixed(2);
  return (
    <section className="trace" aria-label={t('trace.title', { payee: payeeId })} data-testid="trace">
      <header>
        <h3>{t('trace.title', { payee: payeeId })}</h3>
        <button type="button" onClick={onClose}>{t('trace.close')}</button>
      </header>
      {traced.facts ? (
        <WhatIf key={payeeId} payeeId={payeeId} facts={traced.facts} factTypes={factTypes} overrides={whatIf} diagnostics={traced.diagnostics}
          totals={payeeTotal !== undefined && !traced.diagnostics?.length ? { before: payeeTotal, after: total } : undefined} onChange={onWhatIf} />
      ) : null}
      {overrides.length ? <p className="note warn" data-testid="what-if-shown">{t('whatIf.shown')}</p> : null}
      <table>
        <thead><tr><th>{t('trace.period')}</th><th>{t('trace.line')}</th><th>{t('trace.amount')}</th></tr></thead>
        <tbody>
          {lines.map((l) => (
            <Fragment key={l.id}>
              <tr className={`kind-${l.kind}${open === l.id ? ' open' : ''}`}>
                <td>{l.period}</td>
                <td><button type="button" className="link" data-testid={`line-${l.period}-${l.line}`} onClick={() => setOpen(open === l.id ? undefined : l.id)}>{l.line}</button>
                  {ruleTitle(l.line) ? <span className="rule-title"> {ruleTitle(l.line)}</span> : null} <span className="muted">{t(`kind.${l.kind}`)}</span></td>
                <td className="money">{formatMoney(l.amount, language)}</td>
              </tr>
              {open === l.id ? <tr><td colSpan={3}><p className="explanation">{l.explanation}</p><LineDetail trace={l.trace} /></td></tr> : null}
            </Fragment>
          ))}
        </tbody>
      </table>
      {withheld.length ? (
        <>
          <h4>{t('trace.withheld')}</h4>
          <table data-testid="withheld">
            <thead><tr><th>{t('trace.period')}</th><th>{t('trace.line')}</th><th>{t('trace.reason')}</th></tr></thead>
            <tbody>
              {withheld.map((w) => (
                <tr key={w.id}>
                  <td>{w.period}</td>
                  <td>{w.line}{ruleTitle(w.line) ? ` ${ruleTitle(w.line)}` : ''}{w.wouldPay ? <span className="muted"> ({t('trace.wouldPay')} {formatMoney(w.wouldPay, language)})</span> : null}</td>
                  <td>{engineText(w.reason, w.reasonMessage, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}

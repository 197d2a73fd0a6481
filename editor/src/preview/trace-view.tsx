// One payee's statement lines and withheld items; a click on a line shows its trace.
import { Fragment, useState } from 'react';
import type { StatementLine, WithheldItem } from '../../../engine/index.js';
import { formatMoney } from '../format/money.js';
import { useI18n } from '../i18n/i18n.js';
import { LineDetail } from './line-detail.js';

interface Props { payeeId: string; lines: StatementLine[]; withheld: WithheldItem[]; onClose: () => void }

export function TraceView({ payeeId, lines, withheld, onClose }: Props) {
  const { t, language } = useI18n();
  const [open, setOpen] = useState<string | undefined>();
  return (
    <section className="trace" aria-label={t('trace.title', { payee: payeeId })} data-testid="trace">
      <header>
        <h3>{t('trace.title', { payee: payeeId })}</h3>
        <button type="button" onClick={onClose}>{t('trace.close')}</button>
      </header>
      <table>
        <thead><tr><th>{t('trace.period')}</th><th>{t('trace.line')}</th><th>{t('trace.amount')}</th></tr></thead>
        <tbody>
          {lines.map((l) => (
            <Fragment key={l.id}>
              <tr className={`kind-${l.kind}${open === l.id ? ' open' : ''}`}>
                <td>{l.period}</td>
                <td><button type="button" className="link" data-testid={`line-${l.period}-${l.line}`} onClick={() => setOpen(open === l.id ? undefined : l.id)}>{l.line}</button> <span className="muted">{t(`kind.${l.kind}`)}</span></td>
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
                  <td>{w.line}{w.wouldPay ? <span className="muted"> ({t('trace.wouldPay')} {formatMoney(w.wouldPay, language)})</span> : null}</td>
                  <td>{w.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}

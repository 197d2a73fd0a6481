// The impact of the edit against the last saved version: total change, by payee, top gainers
// and losers.
import type { PayeeImpact } from '../../../engine/index.js';
import { formatDelta, formatMoney, signClass } from '../format/money.js';
import { useI18n } from '../i18n/i18n.js';
import type { PreviewImpact } from '../worker/protocol.js';

/** Payees with their totals before and after and the change; with `onPick`, a payee opens its trace. */
export function ImpactList({ title, rows, testid, onPick }: { title: string; rows: PayeeImpact[]; testid: string; onPick?: (id: string) => void }) {
  const { t, language } = useI18n();
  if (!rows.length) return null;
  return (
    <table className="impact-list" data-testid={testid} aria-label={title}>
      <caption>{title}</caption>
      <thead><tr><th>{t('preview.payee')}</th><th>{t('impact.before')}</th><th>{t('impact.after')}</th><th>{t('impact.delta')}</th></tr></thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.payeeId}>
            <th scope="row">{onPick ? <button type="button" className="link" onClick={() => onPick(p.payeeId)}>{p.payeeId}</button> : p.payeeId}</th>
            <td className="money">{formatMoney(p.before, language)}</td>
            <td className="money">{formatMoney(p.after, language)}</td>
            <td className={`money delta ${signClass(p.delta)}`}>{formatDelta(p.delta, language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface Props {
  impact: PreviewImpact;
  pending: boolean;
  onPick: (id: string) => void;
  /** The history version the impact is against, when not the saved one. */
  baseline?: string;
  onSavedBaseline: () => void;
}

export function ImpactView({ impact, pending, onPick, baseline, onSavedBaseline }: Props) {
  const { t, language } = useI18n();
  const unchanged = impact.changedLines === 0;
  const title = baseline ? t('impact.titleVersion', { version: baseline.slice(0, 8) }) : t('impact.title');
  return (
    <section className={pending ? 'impact stale' : 'impact'} aria-label={title} aria-busy={pending} data-testid="impact">
      <h3>{title} {pending ? <span className="busy">{t('preview.recomputing')}</span> : null}
        {baseline ? <> <button type="button" onClick={onSavedBaseline}>{t('impact.backToSaved')}</button></> : null}</h3>
      {unchanged ? <p className="muted" data-testid="impact-none">{t('impact.none')}</p> : (
        <>
          <p>
            {t('impact.total')}: <strong className={`delta ${signClass(impact.delta.total)}`} data-testid="impact-total">{formatDelta(impact.delta.total, language)}</strong>
            {' '}({formatMoney(impact.before.total, language)} → {formatMoney(impact.after.total, language)}) · {t('impact.changedLines', { n: impact.changedLines })}
          </p>
          <div className="impact-lists">
            <ImpactList title={t('impact.gainers')} rows={impact.gainers} testid="impact-gainers" onPick={onPick} />
            <ImpactList title={t('impact.losers')} rows={impact.losers} testid="impact-losers" onPick={onPick} />
          </div>
        </>
      )}
    </section>
  );
}

// Asks who saves and why before a new version is written, and shows what the change costs: the
// total change and the largest per-payee changes. Above the threshold (set here, kept in this
// browser) the change must be confirmed explicitly; the impact goes with the save request.
import { useState } from 'react';
import { Exact } from '../../../engine/index.js';
import { formatDelta, formatMoney, signClass } from '../format/money.js';
import { parseTypedNumber } from '../format/typed-number.js';
import { isSaveKey } from '../components/save-key.js';
import { useI18n } from '../i18n/i18n.js';
import { ImpactList } from '../preview/impact-view.js';
import type { PreviewImpact } from '../worker/protocol.js';
import { DEFAULT_THRESHOLD, largestChanges, needsConfirmation } from './impact-guard.js';

/** The impact of the text being saved: known, still being computed, or unknown (invalid policy, no dataset). */
export type DialogImpact = { status: 'ready'; impact: PreviewImpact } | { status: 'pending' } | { status: 'unknown' };

interface Props {
  impact: DialogImpact;
  onSave: (author: string, message: string, threshold: string) => void;
  onCancel: () => void;
}

const THRESHOLD_KEY = 'ratecard:confirm-threshold';

export function SaveDialog({ impact, onSave, onCancel }: Props) {
  const { t, language } = useI18n();
  const [author, setAuthor] = useState(() => localStorage.getItem('ratecard:author') ?? '');
  const [message, setMessage] = useState('');
  const [thresholdText, setThresholdText] = useState(() => localStorage.getItem(THRESHOLD_KEY) ?? DEFAULT_THRESHOLD);
  const [confirmed, setConfirmed] = useState(false);
  const threshold = parseTypedNumber(thresholdText, 'money');
  const validThreshold = threshold !== undefined && !threshold.startsWith('-');
  const ready = impact.status === 'ready' ? impact.impact : undefined;
  const mustConfirm = Boolean(ready && validThreshold && needsConfirmation(ready, threshold!));
  const ok = author.trim() !== '' && message.trim() !== '' && impact.status !== 'pending' && validThreshold && (!mustConfirm || confirmed);
  const largest = ready ? largestChanges(ready.payees) : [];
  return (
    <div className="dialog-backdrop">
      <form role="dialog" aria-modal="true" aria-label={t('save.title')} className="dialog" onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
        if (isSaveKey(e)) e.currentTarget.requestSubmit();
      }} onSubmit={(e) => {
        e.preventDefault();
        if (!ok) return;
        localStorage.setItem('ratecard:author', author.trim());
        localStorage.setItem(THRESHOLD_KEY, threshold!);
        onSave(author.trim(), message.trim(), threshold!);
      }}>
        <h3>{t('save.title')}</h3>
        <section className="save-impact" aria-label={t('save.impactTitle')} data-testid="save-impact">
          <h4>{t('save.impactTitle')}</h4>
          {impact.status === 'pending' ? <p className="busy" role="status">{t('save.impactPending')}</p> : null}
          {impact.status === 'unknown' ? <p className="muted">{t('save.impactUnknown')}</p> : null}
          {ready ? (
            <>
              <p>
                {t('impact.total')}: <strong className={`delta ${signClass(ready.delta.total)}`} data-testid="save-impact-total">{formatDelta(ready.delta.total, language)}</strong>
                {' '}({formatMoney(ready.before.total, language)} → {formatMoney(ready.after.total, language)}) · {t('impact.changedLines', { n: ready.changedLines })}
              </p>
              <ImpactList title={t('save.largest')} rows={largest} testid="save-impact-largest" />
            </>
          ) : null}
          <label className="inline">{t('save.threshold')}{' '}
            <span className="decimal money"><span className="unit-prefix">¥</span>
              <input aria-label={t('save.threshold')} inputMode="decimal" value={thresholdText} aria-invalid={!validThreshold} onChange={(e) => { setThresholdText(e.target.value); setConfirmed(false); }} />
            </span>
          </label>
          {mustConfirm && ready ? (
            <label className="confirm-change warn" data-testid="confirm-change">
              <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
              {t('save.confirmChange', { delta: formatDelta(ready.delta.total, language), threshold: formatMoney(Exact.parse(threshold!).toString(), language) })}
            </label>
          ) : null}
        </section>
        <label>{t('save.author')}<input aria-label={t('save.author')} value={author} onChange={(e) => setAuthor(e.target.value)} autoFocus /></label>
        <label>{t('save.message')}<textarea aria-label={t('save.message')} value={message} onChange={(e) => setMessage(e.target.value)} /></label>
        <div className="buttons">
          <button type="submit" disabled={!ok}>{t('save.confirm')}</button>
          <button type="button" onClick={onCancel}>{t('save.cancel')}</button>
        </div>
      </form>
    </div>
  );
}
